/**
 * The standard normal quantile for a two-sided 95 % interval, qnorm(0.975) in R, to double precision.
 * Both survfit (conf.int = 0.95) and the Wilson score interval use it.
 */
export const Z_95 = 1.959963984540054;
