// The app, handed to the toolkit: the browser build of its page and the server build of its routes.
import { createAppWebpackConfig } from 'twelvepack/webpack';
import app from './src/app';

export default createAppWebpackConfig(app, __dirname);
