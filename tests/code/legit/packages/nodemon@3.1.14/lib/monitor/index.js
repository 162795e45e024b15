module.exports = {
  run: require('./run'),
  watch: require('./watch').watch,
};
