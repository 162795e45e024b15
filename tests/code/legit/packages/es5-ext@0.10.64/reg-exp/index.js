"use strict";

module.exports = {
	"#": require("./#"),
	"escape": require("./escape"),
	"isRegExp": require("./is-reg-exp"),
	"validRegExp": require("./valid-reg-exp")
};
