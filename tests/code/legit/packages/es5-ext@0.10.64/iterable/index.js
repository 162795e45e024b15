"use strict";

module.exports = {
	forEach: require("./for-each"),
	is: require("./is"),
	validate: require("./validate"),
	validateObject: require("./validate-object")
};
