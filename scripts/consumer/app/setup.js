const { Testing } = require('cdktf');
Testing.setupJest(); // toHaveResourceWithProperties, toHaveProvider, ... for expect()
