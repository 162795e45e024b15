"use strict";

module.exports = {
	"#": require("./#"),
	"custom": require("./custom"),
	"isError": require("./is-error"),
	"validError": require("./valid-error")
};
