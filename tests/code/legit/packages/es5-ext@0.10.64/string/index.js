"use strict";

module.exports = {
	"#": require("./#"),
	"formatMethod": require("./format-method"),
	"fromCodePoint": require("./from-code-point"),
	"isString": require("./is-string"),
	"random": require("./random"),
	"randomUniq": require("./random-uniq"),
	"raw": require("./raw")
};
