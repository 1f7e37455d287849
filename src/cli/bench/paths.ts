export interface BenchPaths {
  uci: string;
  pages: string;
  feeds: string;
}
