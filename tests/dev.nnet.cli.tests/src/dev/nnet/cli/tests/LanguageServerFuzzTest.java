package dev.nnet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import dev.nnet.cli.LanguageServer;

/**
 * {@code nnet lsp} fed garbage as a hostile client would (seeded): malformed JSON, wrong Content-Length, unknown
 * methods, didChange of unopened documents, URIs of missing files, a large document; {@code initialize} without a
 * root. Standard output must hold nothing but well-formed frames, and the loose file's diagnostics are published.
 */
public class LanguageServerFuzzTest {

	@TempDir
	Path dir;

	private static byte[] frame(String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		byte[] head = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] out = new byte[head.length + body.length];
		System.arraycopy(head, 0, out, 0, head.length);
		System.arraycopy(body, 0, out, head.length, body.length);
		return out;
	}

	private static String quote(String s) {
		return new Gson().toJson(s);
	}

	private static String didOpen(String uri, String text) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":"
				+ quote(uri) + ",\"languageId\":\"nnet\",\"version\":1,\"text\":" + quote(text) + "}}}";
	}

	private static List<byte[]> garbage(Random random, String missingUri) {
		List<byte[]> out = new ArrayList<>();
		out.add(frame("{not json"));
		out.add(frame("[1,2,3]"));
		out.add(frame("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"no/such/method\",\"params\":{}}"));
		out.add(frame("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
				+ "{\"uri\":" + quote(missingUri) + ",\"version\":2},\"contentChanges\":[{\"text\":\"network X {\"}]}}"));
		out.add(frame("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
				+ "{\"uri\":" + quote(missingUri) + "},\"position\":{\"line\":100000,\"character\":5}}}"));
		out.add(frame(didOpen("file:///no/such/dir/x.nnet", "network A { input 1 dense 1 }")));
		out.add(frame(didOpen(missingUri.replace("missing", "big"), "network B { input 1 dense 1 }\n// "
				+ "x".repeat(2_000_000))));
		for (int i = 0; i < 40; i++) {
			byte[] junk = new byte[1 + random.nextInt(200)];
			random.nextBytes(junk);
			String json = new String(junk, StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n", "");
			out.add(frame("{\"jsonrpc\":\"2.0\",\"method\":" + quote(json) + "}"));
			out.add(("Content-Length: " + random.nextInt(5) + "\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
		}
		return out;
	}

	@Test
	public void garbageNeverReachesStdoutAndALooseFileGetsDiagnostics() throws Exception {
		Path file = dir.resolve("loose.nnet");
		String text = "network N {\n  input 2\n  dense out 1 sigmoid\n}\ntraining t { network N data missing }\n";
		Files.writeString(file, text);
		String uri = file.toUri().toString();
		PipedInputStream serverIn = new PipedInputStream(1 << 20);
		PipedOutputStream client = new PipedOutputStream(serverIn);
		ByteArrayOutputStream protocol = new ByteArrayOutputStream();
		PrintStream realOut = System.out;
		PrintStream stdout = new PrintStream(new SyncOut(protocol), true, StandardCharsets.UTF_8);
		System.setOut(stdout);
		Thread server = new Thread(() -> LanguageServer.serve(serverIn, System.out), "lsp-under-test");
		try {
			server.start();
			client.write(frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
					+ "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}"));
			client.flush();
			long deadline = System.currentTimeMillis() + 60_000;
			while (!contains(protocol, "\"id\":1,\"result\"") && System.currentTimeMillis() < deadline) {
				Thread.sleep(50); // a client waits for the answer to initialize
			}
			client.write(frame("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}"));
			client.write(frame(didOpen(uri, text)));
			// garbage last: a wrong Content-Length desynchronises the stream, swallowing what follows
			for (byte[] b : garbage(new Random(12), dir.resolve("missing.nnet").toUri().toString())) {
				client.write(b);
			}
			client.flush();
			deadline = System.currentTimeMillis() + 60_000;
			while (!published(protocol) && System.currentTimeMillis() < deadline) {
				Thread.sleep(100);
			}
			client.write(frame("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"shutdown\"}"));
			client.write(frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"));
			client.close();
			server.join(30_000);
		} finally {
			System.setOut(realOut);
		}
		List<JsonElement> frames = frames(protocol.toByteArray());
		assertTrue(frames.stream().anyMatch(f -> f.toString().contains("\"id\":1") && f.toString().contains("capabilities")),
				"initialize without rootUri answered: " + frames);
		assertTrue(frames.stream().anyMatch(f -> f.toString().contains("publishDiagnostics")
				&& f.toString().contains("loose.nnet") && f.toString().contains("missing")),
				"diagnostics of the loose file published: " + frames);
	}

	private static boolean contains(ByteArrayOutputStream protocol, String text) {
		synchronized (protocol) {
			return protocol.toString(StandardCharsets.UTF_8).contains(text);
		}
	}

	private static boolean published(ByteArrayOutputStream protocol) {
		synchronized (protocol) {
			String text = protocol.toString(StandardCharsets.UTF_8);
			int at = text.indexOf("loose.nnet");
			return at >= 0 && text.lastIndexOf("publishDiagnostics", at) >= 0;
		}
	}

	/** @return every frame's JSON; fails on anything on the channel that is not a well-formed frame */
	private static List<JsonElement> frames(byte[] bytes) {
		List<JsonElement> out = new ArrayList<>();
		String all = new String(bytes, StandardCharsets.UTF_8);
		Pattern header = Pattern.compile("\\GContent-Length: (\\d+)\r\n(?:[A-Za-z-]+: [^\r\n]*\r\n)*\r\n");
		int pos = 0;
		byte[] b = bytes;
		while (pos < b.length) {
			String rest = new String(b, pos, Math.min(200, b.length - pos), StandardCharsets.US_ASCII);
			Matcher m = header.matcher(rest);
			if (!m.lookingAt()) {
				fail("not a protocol frame at byte " + pos + ": " + rest + "\n(all: " + all.substring(0,
						Math.min(all.length(), 4000)) + ")");
			}
			int length = Integer.parseInt(m.group(1));
			int start = pos + m.end();
			out.add(JsonParser.parseString(new String(b, start, length, StandardCharsets.UTF_8)));
			pos = start + length;
		}
		assertEquals(b.length, pos);
		return out;
	}

	/** A synchronized sink: the server writes from several threads. */
	private static final class SyncOut extends OutputStream {
		private final ByteArrayOutputStream target;

		SyncOut(ByteArrayOutputStream target) {
			this.target = target;
		}

		@Override
		public void write(int b) {
			synchronized (target) {
				target.write(b);
			}
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			synchronized (target) {
				target.write(b, off, len);
			}
		}
	}
}
