// The toolkit's Babel config (browser ES5, Node for the server, the config file and jest).
module.exports = require('twelvepack/babel');
