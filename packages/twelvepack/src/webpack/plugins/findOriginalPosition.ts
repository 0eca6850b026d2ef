import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

/** Where a generated position came from, as a readable `module:line:column`. */
export function findOriginalPosition(map: RawSourceMap | undefined, line: number, column: number): string | undefined {
  if (map === undefined) return undefined;
  const consumer = new SourceMapConsumer(map);
  const original = consumer.originalPositionFor({ line, column });
  if (original.source === null) return undefined;
  return `${cleanSource(original.source)}:${original.line}:${original.column}`;
}

/** `webpack://twelvepack/./src/x.ts` → `./src/x.ts`. */
function cleanSource(source: string): string {
  return source.replace(/^webpack:\/\/[^/]*\//, '').replace(/\?.*$/, '');
}
