import type { BenchTool } from './BenchTool';
import { rsbuildTool } from './tools/rsbuildTool';
import { twelvepackTool } from './tools/twelvepackTool';
import { viteTool } from './tools/viteTool';

/** The tools each round runs, in this order (twelvepack first): interleaved, so a slow minute of the machine costs each of them alike. */
export const BENCH_TOOLS: readonly BenchTool[] = [twelvepackTool, viteTool, rsbuildTool];
