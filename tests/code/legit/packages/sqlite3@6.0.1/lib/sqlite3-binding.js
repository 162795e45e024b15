module.exports = require('bindings')('node_sqlite3.node');
