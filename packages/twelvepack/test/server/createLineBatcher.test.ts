import { createLineBatcher } from '../../src/server/createLineBatcher';

/** A sink that records each write (as text), and each flush it is asked for. */
function recordingSink() {
  const writes: string[] = [];
  const bytes: number[] = [];
  let flushes = 0;
  let syncFlushes = 0;
  return {
    writes,
    bytes,
    flushes: () => flushes,
    syncFlushes: () => syncFlushes,
    sink: {
      write: (chunk: Buffer) => {
        writes.push(chunk.toString('utf8'));
        bytes.push(chunk.length);
      },
      flush: (callback: () => void) => {
        flushes += 1;
        callback();
      },
      flushSync: () => {
        syncFlushes += 1;
      },
    },
  };
}

const line = (i: number, size = 100) => `${`{"n":${i},"pad":"`.padEnd(size - 3, 'x')}"}\n`;

describe('createLineBatcher', () => {
  it('writes nothing until a batch is full', () => {
    const { sink, writes } = recordingSink();
    const batcher = createLineBatcher(sink, 4096);
    for (let i = 0; i < 40; i += 1) batcher.write(line(i));
    expect(writes).toEqual([]);
  });

  it('hands over whole lines, at most maxBytes a write, in the order they came', () => {
    const { sink, writes, bytes } = recordingSink();
    const batcher = createLineBatcher(sink, 4096);
    const lines = Array.from({ length: 1000 }, (_, i) => line(i, 50 + (i % 7) * 31));
    for (const each of lines) batcher.write(each);
    batcher.flushSync();
    expect(writes.join('')).toBe(lines.join(''));
    for (const write of writes) expect(write.endsWith('\n')).toBe(true);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(4096);
    // Full batches: each but the last would have overflowed with the next line.
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(Buffer.byteLength(lines.join('')) / (4096 - 300)));
  });

  it('counts bytes, not characters: a batch of multi-byte lines is split at line ends to fit in maxBytes', () => {
    const { sink, writes, bytes } = recordingSink();
    const batcher = createLineBatcher(sink, 4096);
    const wide = `{"path":"/${'é✓😀'.repeat(20)}"}\n`;
    for (let i = 0; i < 200; i += 1) batcher.write(wide);
    batcher.flushSync();
    expect(writes.join('')).toBe(wide.repeat(200));
    expect(Math.max(...bytes)).toBeLessThanOrEqual(4096);
    for (const write of writes) expect(write.endsWith('\n')).toBe(true);
  });

  it('keeps a long line alone when it is split out of a batch of multi-byte lines', () => {
    const { sink, writes } = recordingSink();
    const batcher = createLineBatcher(sink, 4096);
    const wide = `{"path":"/${'é'.repeat(100)}"}\n`;
    const long = `{"stack":"${'✓'.repeat(2000)}"}\n`;
    batcher.write(wide);
    batcher.write(long);
    batcher.write(wide);
    batcher.flushSync();
    expect(writes).toEqual([wide, long, wide]);
  });

  it('hands over a line longer than maxBytes alone', () => {
    const { sink, writes } = recordingSink();
    const batcher = createLineBatcher(sink, 4096);
    const long = line(1, 10_000);
    batcher.write(line(0));
    batcher.write(long);
    batcher.write(line(2));
    batcher.flushSync();
    expect(writes).toEqual([line(0), long, line(2)]);
  });

  it('hands over what waits on flush, then flushes the sink and calls back', () => {
    const { sink, writes, flushes } = recordingSink();
    const batcher = createLineBatcher(sink, 4096);
    batcher.write(line(0));
    const callback = jest.fn();
    batcher.flush(callback);
    expect(writes).toEqual([line(0)]);
    expect(flushes()).toBe(1);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('hands over what waits on flushSync, and has the sink write it at once', () => {
    const { sink, writes, syncFlushes } = recordingSink();
    const batcher = createLineBatcher(sink, 4096);
    batcher.write(line(0));
    batcher.flushSync();
    expect(writes).toEqual([line(0)]);
    expect(syncFlushes()).toBe(1);
  });

  it('writes nothing on a flush with nothing waiting', () => {
    const { sink, writes } = recordingSink();
    const batcher = createLineBatcher(sink, 4096);
    batcher.flush();
    batcher.flushSync();
    expect(writes).toEqual([]);
  });

  it('calls back on flush when the sink has no flush of its own', () => {
    const writes: string[] = [];
    const batcher = createLineBatcher({ write: (chunk: Buffer) => writes.push(chunk.toString('utf8')) }, 4096);
    batcher.write(line(0));
    const callback = jest.fn();
    batcher.flush(callback);
    expect(writes).toEqual([line(0)]);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("writes through the sink's current write, which pino swaps for a no-op once stdout is a broken pipe", () => {
    const { sink, writes } = recordingSink();
    const batcher = createLineBatcher(sink, 4096);
    sink.write = () => 0;
    batcher.write(line(0));
    batcher.flushSync();
    expect(writes).toEqual([]);
  });
});
