// The browser globals the legacy bundle checks (parts/webApisPart.ts): each with where MDN's browser-compat-data
// keeps its support, and how the toolkit covers it where a target lacks it. Read by the build and by
// scripts/webApiSupport.js, which derives webApiSupport.json from browser-compat-data.
//
// Left out on purpose: what Babel's usage polyfills cover already (core-js's web.* modules: URL,
// URLSearchParams, structuredClone, queueMicrotask, setImmediate), and what IE 11 has (XMLHttpRequest,
// MutationObserver, WebSocket, FormData, Blob, matchMedia, requestAnimationFrame).
'use strict';

/**
 * One global: `bcd` is its path in browser-compat-data; `polyfill` names the module under src/client/polyfills
 * that installs it (a polyfill the toolkit trusts), and `suggest` a package an app may choose to install where
 * the toolkit trusts none.
 * @typedef {{ readonly bcd: string, readonly polyfill?: string, readonly suggest?: string }} WebApi
 */

/** @type {Readonly<Record<string, WebApi>>} */
const WEB_APIS = {
  // whatwg-fetch (GitHub's): fetch over XMLHttpRequest, with Headers, Request and Response.
  fetch: { bcd: 'api.fetch', polyfill: 'fetch' },
  Headers: { bcd: 'api.Headers', polyfill: 'fetch' },
  Request: { bcd: 'api.Request', polyfill: 'fetch' },
  Response: { bcd: 'api.Response', polyfill: 'fetch' },
  // abortcontroller-polyfill; whatwg-fetch's requests honour its signals.
  AbortController: { bcd: 'api.AbortController', polyfill: 'abortController' },
  AbortSignal: { bcd: 'api.AbortSignal', polyfill: 'abortController' },
  // fast-text-encoding: UTF-8 only, which is all TextEncoder ever encodes.
  TextEncoder: { bcd: 'api.TextEncoder', polyfill: 'textEncoding' },
  TextDecoder: { bcd: 'api.TextDecoder', polyfill: 'textEncoding' },
  // No polyfill the toolkit trusts (the W3C's IntersectionObserver one is archived; the others measure layout
  // by polling, which an app should choose knowingly): a module that uses one fails the legacy build.
  IntersectionObserver: { bcd: 'api.IntersectionObserver', suggest: 'intersection-observer' },
  ResizeObserver: { bcd: 'api.ResizeObserver', suggest: '@juggle/resize-observer' },
  PerformanceObserver: { bcd: 'api.PerformanceObserver' },
  BroadcastChannel: { bcd: 'api.BroadcastChannel' },
  EventSource: { bcd: 'api.EventSource', suggest: 'event-source-polyfill' },
  ReadableStream: { bcd: 'api.ReadableStream' },
  requestIdleCallback: { bcd: 'api.Window.requestIdleCallback' },
  customElements: { bcd: 'api.Window.customElements', suggest: '@webcomponents/custom-elements' },
};

module.exports = { WEB_APIS };
