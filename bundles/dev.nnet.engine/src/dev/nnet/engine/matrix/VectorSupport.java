package dev.nnet.engine.matrix;

/**
 * Decides whether the Vector API kernels may be used: only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} and the system property {@code nnet.vector} is not {@code false}.
 * Without the module (a plain JVM, or inside OSGi where the package is not exported) the scalar kernels run;
 * both give the same results up to rounding.
 */
public final class VectorSupport {
    private static volatile String unavailableReason;

    private VectorSupport() {
    }

    /** @return true if the Vector API module is in the boot layer and not disabled by {@code -Dnnet.vector=false} */
    public static boolean enabled() {
        if ("false".equals(System.getProperty("nnet.vector"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && unavailableReason == null;
    }

    /** @return a short description of the kernels in use, for logs and benchmark reports */
    public static String describe() {
        FloatKernel k = FloatKernel.best();
        String name = k instanceof FloatScalarKernel ? "scalar" : "vector";
        return name + " (float tile " + FloatKernel.MR + "x" + k.nr() + ")"
                + (unavailableReason != null ? "; vector unavailable: " + unavailableReason : "");
    }

    static void unavailable(Throwable cause) {
        unavailableReason = cause.toString();
    }
}
