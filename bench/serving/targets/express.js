// express.static with default options, the most common choice.
'use strict';

const express = require('express');

require('./clustered')(() => {
  const app = express();
  app.use(express.static(process.env.DIR ?? ''));
  return app;
});
