"use strict";

module.exports = {
	"#": require("./#"),
	"ensureTimeValue": require("./ensure-time-value"),
	"isDate": require("./is-date"),
	"isTimeValue": require("./is-time-value"),
	"validDate": require("./valid-date")
};
