package dev.nnet.lang.ide.server;

import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The client's {@code initializationOptions} that NNet's language server reads, with their defaults:
 * {@code "inlayHints"} (true: shapes after each layer and network) and {@code "generate"} (false: the server writes
 * no {@code src-gen/*.java} or {@code *.shapes.txt}; true: it generates like {@code nnet generate} on every build).
 *
 * @param inlayHints whether {@code textDocument/inlayHint} answers with shapes
 * @param generate   whether builds write generated files
 */
public record ServerOptions(boolean inlayHints, boolean generate) {

	/** The defaults: inlay hints on, generation off. */
	public static final ServerOptions DEFAULTS = new ServerOptions(true, false);

	/**
	 * @param options the {@code initializationOptions} as LSP4J delivers them (a Gson object over JSON-RPC, a map
	 *                in-process), or null
	 * @return the options, defaults for what is missing or not a boolean
	 */
	public static ServerOptions of(Object options) {
		return new ServerOptions(flag(options, "inlayHints", DEFAULTS.inlayHints),
				flag(options, "generate", DEFAULTS.generate));
	}

	private static boolean flag(Object options, String key, boolean otherwise) {
		Object value = null;
		if (options instanceof JsonObject json && json.has(key)) {
			JsonElement e = json.get(key);
			value = e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : null;
		} else if (options instanceof Map<?, ?> map) {
			value = map.get(key);
		}
		return value instanceof Boolean b ? b : otherwise;
	}
}
