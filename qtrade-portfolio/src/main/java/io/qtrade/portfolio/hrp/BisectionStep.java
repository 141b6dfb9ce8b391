package io.qtrade.portfolio.hrp;

/**
 * One split of HRP's recursive bisection.
 *
 * @param left          asset indices of the left half (in quasi-diagonal order)
 * @param right         asset indices of the right half
 * @param varianceLeft  {@code w' Sigma w} of the left half under its inverse-variance weights
 * @param varianceRight the same for the right half
 * @param alphaLeft     {@code 1 - V_left / (V_left + V_right)}, the share given to the left half
 */
public record BisectionStep(int[] left, int[] right, double varianceLeft, double varianceRight, double alphaLeft) {
}
