import { join } from 'node:path';

/** Where Debian's nginx lives; the bench compares against it only when it is installed. */
export const NGINX = '/usr/sbin/nginx';

/**
 * An nginx configuration equivalent to the production server's static path:
 * `gzip_static` serves the build's .gz siblings (Debian's nginx has no
 * brotli_static, so `br, gzip` gets gzip), keep-alive, an access log written to
 * /dev/null as twelvepack's request log is, and the SPA fallback. Pure.
 */
export function nginxConfig({ port, root, workers, prefix }: { port: number; root: string; workers: number; prefix: string }): string {
  return `daemon off;
worker_processes ${workers};
pid ${join(prefix, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log /dev/null;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path ${join(prefix, 'body')};
  proxy_temp_path ${join(prefix, 'proxy')};
  fastcgi_temp_path ${join(prefix, 'fastcgi')};
  uwsgi_temp_path ${join(prefix, 'uwsgi')};
  scgi_temp_path ${join(prefix, 'scgi')};
  server {
    listen 127.0.0.1:${port};
    root ${root};
    gzip_static on;
    etag on;
    location / { try_files $uri /index.html; }
  }
}
`;
}
