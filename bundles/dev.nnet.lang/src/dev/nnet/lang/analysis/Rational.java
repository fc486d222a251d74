package dev.nnet.lang.analysis;

import java.math.BigDecimal;
import java.math.BigInteger;

/** An exact fraction {@code num/den} with {@code den > 0}, in lowest terms. */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {

	public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
	public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

	public static Rational of(BigInteger num, BigInteger den) {
		if (den.signum() == 0) {
			throw new ArithmeticException("division by zero");
		}
		if (den.signum() < 0) {
			num = num.negate();
			den = den.negate();
		}
		BigInteger g = num.gcd(den);
		if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
			num = num.divide(g);
			den = den.divide(g);
		}
		return new Rational(num, num.signum() == 0 ? BigInteger.ONE : den);
	}

	/** @return the exact value of a finite double */
	public static Rational of(double value) {
		BigDecimal d = new BigDecimal(value);
		BigInteger unscaled = d.unscaledValue();
		int scale = d.scale();
		return scale >= 0 ? of(unscaled, BigInteger.TEN.pow(scale))
				: of(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
	}

	public static Rational of(long value) {
		return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
	}

	public Rational add(Rational o) {
		return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
	}

	public Rational subtract(Rational o) {
		return of(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
	}

	public Rational multiply(Rational o) {
		return of(num.multiply(o.num), den.multiply(o.den));
	}

	public Rational divide(Rational o) {
		return of(num.multiply(o.den), den.multiply(o.num));
	}

	public Rational negate() {
		return new Rational(num.negate(), den);
	}

	public int signum() {
		return num.signum();
	}

	@Override
	public int compareTo(Rational o) {
		return num.multiply(o.den).compareTo(o.num.multiply(den));
	}
}
