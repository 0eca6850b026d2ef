// The toolkit's own tests (npm test -w twelvepack) use the config it ships.
module.exports = require('./src/webpack/babelConfig');
