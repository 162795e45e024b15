"use strict";

module.exports = {
	copy: require("./copy"),
	daysInMonth: require("./days-in-month"),
	floorDay: require("./floor-day"),
	floorMonth: require("./floor-month"),
	floorYear: require("./floor-year"),
	format: require("./format")
};
