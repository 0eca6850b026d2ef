// What an import of a file the build accepts gives, for TypeScript: an asset's URL, a CSS module's class map.
// An app's src/client/env.d.ts references it: /// <reference types="twelvepack/assets" />

/** A CSS module (`*.module.css`): its classes by the names written in it, each the name the build gave it. */
declare module '*.module.css' {
  const classes: { readonly [name: string]: string };
  export default classes;
}

/** A global stylesheet, imported for its effect. */
declare module '*.css';

declare module '*.svg' {
  /** The URL the file is served at. */
  const url: string;
  export default url;
}
declare module '*.png' {
  const url: string;
  export default url;
}
declare module '*.jpg' {
  const url: string;
  export default url;
}
declare module '*.jpeg' {
  const url: string;
  export default url;
}
declare module '*.gif' {
  const url: string;
  export default url;
}
declare module '*.webp' {
  const url: string;
  export default url;
}
declare module '*.avif' {
  const url: string;
  export default url;
}
declare module '*.ico' {
  const url: string;
  export default url;
}
declare module '*.woff' {
  const url: string;
  export default url;
}
declare module '*.woff2' {
  const url: string;
  export default url;
}
