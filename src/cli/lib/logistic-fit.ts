/**
 * Logistic regression fitted by Newton's method (iteratively reweighted least squares) with a small L2
 * penalty: a handful of features and a million examples converge in a few passes, and the result depends
 * only on the data (no random start, no learning rate), so training is reproducible to the last digit.
 */

/** Examples as rows of `width` features, and their labels (1 or 0). */
export interface Examples {
  width: number;
  rows: Float64Array;
  labels: Uint8Array;
  count: number;
  /** Per-example weights (default 1 each). */
  weights?: Float64Array;
}

export interface FittedLogistic {
  weights: number[];
  bias: number;
  iterations: number;
}

/** Solves A x = b for a symmetric positive definite A (n × n, row-major) by Cholesky decomposition. */
function solveSymmetric(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j * n + j];
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * y[k];
    y[i] = sum / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

/**
 * Fits weights and bias. Features are standardised for the fit (so that one penalty suits them all) and
 * the weights are returned for the raw features. `l2` is the penalty per example.
 */
export function fitLogistic(data: Examples, l2 = 1e-4, maxIterations = 30): FittedLogistic {
  const { width, rows, labels, count } = data;
  const weightOf = data.weights ? (r: number) => (data.weights as Float64Array)[r] : () => 1;
  const mean = new Float64Array(width);
  const scale = new Float64Array(width);
  for (let r = 0; r < count; r++) for (let j = 0; j < width; j++) mean[j] += rows[r * width + j];
  for (let j = 0; j < width; j++) mean[j] /= Math.max(1, count);
  for (let r = 0; r < count; r++) {
    for (let j = 0; j < width; j++) {
      const d = rows[r * width + j] - mean[j];
      scale[j] += d * d;
    }
  }
  for (let j = 0; j < width; j++) scale[j] = Math.sqrt(scale[j] / Math.max(1, count)) || 1;

  // Parameters: bias at index 0, then one weight per standardised feature.
  const n = width + 1;
  let theta = new Float64Array(n);
  const x = new Float64Array(n);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const gradient = new Float64Array(n);
    const hessian = new Float64Array(n * n);
    for (let r = 0; r < count; r++) {
      x[0] = 1;
      for (let j = 0; j < width; j++) x[j + 1] = (rows[r * width + j] - mean[j]) / scale[j];
      let z = 0;
      for (let j = 0; j < n; j++) z += theta[j] * x[j];
      const p = 1 / (1 + Math.exp(-z));
      const weight = weightOf(r);
      const residual = (p - labels[r]) * weight;
      const curvature = Math.max(p * (1 - p), 1e-9) * weight;
      for (let i = 0; i < n; i++) {
        gradient[i] += residual * x[i];
        const row = i * n;
        for (let j = 0; j <= i; j++) hessian[row + j] += curvature * x[i] * x[j];
      }
    }
    const penalty = l2 * count;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) hessian[j * n + i] = hessian[i * n + j];
      // The bias is not penalised.
      if (i > 0) {
        gradient[i] += penalty * theta[i];
        hessian[i * n + i] += penalty;
      }
    }
    const step = solveSymmetric(hessian, gradient, n);
    let change = 0;
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      next[i] = theta[i] - step[i];
      change = Math.max(change, Math.abs(step[i]));
    }
    theta = next;
    if (change < 1e-8) {
      iterations++;
      break;
    }
  }
  const weights = new Array<number>(width);
  let bias = theta[0];
  for (let j = 0; j < width; j++) {
    weights[j] = theta[j + 1] / scale[j];
    bias -= (theta[j + 1] * mean[j]) / scale[j];
  }
  return { weights, bias, iterations };
}
