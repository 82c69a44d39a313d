package io.paperwire.select.personal;

/** Small operations on float vectors. */
final class Vectors {

    private Vectors() {}

    /** Scales {@code v} to unit length in place; null when it is (nearly) zero. */
    static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm < 1e-12) {
            return null;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /** {@code into += weight * v}. */
    static void addScaled(float[] into, float[] v, float weight) {
        for (int i = 0; i < into.length; i++) {
            into[i] += weight * v[i];
        }
    }

    static float dot(float[] a, int aOffset, float[] b, int dimensions) {
        float sum = 0;
        for (int d = 0; d < dimensions; d++) {
            sum += a[aOffset + d] * b[d];
        }
        return sum;
    }
}
