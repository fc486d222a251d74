package dev.nnet.lang.ide.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's quick fixes as LSP code actions: offered on a diagnostic, applied, the file validated again. */
public class CodeActionsTest {

	private static final String XOR = "data xor { samples { (0, 0) -> 0 (0, 1) -> 1 (1, 0) -> 1 (1, 1) -> 0 } }\n";

	@TempDir
	Path dir;

	private LspClient client;
	private Path file;

	@BeforeEach
	public void start() throws Exception {
		file = dir.resolve("net.nnet");
		Files.writeString(file, "");
		client = new LspClient(dir, null);
	}

	@AfterEach
	public void stop() throws Exception {
		client.close();
	}

	private Diagnostic open(String text, String code) throws Exception {
		client.open(file, text);
		return client.diagnostics(file, ds -> ds.stream().anyMatch(d -> code(d).endsWith(code))).stream()
				.filter(d -> code(d).endsWith(code)).findFirst().orElseThrow();
	}

	private List<CodeAction> actions(Diagnostic d) throws Exception {
		CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(LspClient.uri(file)), d.getRange(),
				new CodeActionContext(List.of(d)));
		List<Either<Command, CodeAction>> result = client.server().getTextDocumentService().codeAction(params)
				.get(60, TimeUnit.SECONDS);
		return result.stream().filter(Either::isRight).map(Either::getRight).toList();
	}

	@Test
	public void theInputSizeFixIsOfferedAppliedAndTheFileValidatesAgain() throws Exception {
		String text = XOR + "network N { input 5 dense h 4 tanh dense o 1 sigmoid }\ntraining t { network N data xor }\n";
		Diagnostic d = open(text, "inputSizeMismatch");
		List<CodeAction> actions = actions(d);
		CodeAction fix = actions.stream().filter(a -> a.getTitle().equals("Set 'input 2' in N")).findFirst()
				.orElseThrow(() -> new AssertionError(actions.toString()));
		assertEquals(CodeActionKind.QuickFix, fix.getKind());
		assertEquals(List.of(d), fix.getDiagnostics());
		String fixed = apply(text, fix.getEdit().getChanges().get(LspClient.uri(file)));
		assertTrue(fixed.contains("network N { input 2 dense"), fixed);
		client.change(file, 2, fixed);
		List<Diagnostic> after = client.diagnostics(file,
				ds -> ds.stream().noneMatch(x -> code(x).endsWith("inputSizeMismatch")));
		assertTrue(after.stream().noneMatch(x -> x.getSeverity() == DiagnosticSeverity.Error), after.toString());
	}

	@Test
	public void everyFixOfTheIssueIsOffered() throws Exception {
		Diagnostic d = open("network N { input 2 dense h 4 tanh dense o 3 relu loss cross_entropy }\n",
				"crossEntropyWithoutSoftmax");
		List<String> titles = actions(d).stream().map(CodeAction::getTitle).toList();
		assertEquals(List.of("Change the loss to mse (output 'o' is relu)", "Change the activation of 'o' to softmax"),
				titles);
	}

	@Test
	public void noActionsWithoutAFixableDiagnostic() throws Exception {
		client.open(file, "network N { input 2 dense o 1 sigmoid loss binary_cross_entropy }\n");
		client.diagnostics(file, ds -> true);
		CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(LspClient.uri(file)),
				new org.eclipse.lsp4j.Range(new Position(0, 0), new Position(0, 5)), new CodeActionContext(List.of()));
		assertEquals(List.of(), client.server().getTextDocumentService().codeAction(params).get(60, TimeUnit.SECONDS));
	}

	static String code(Diagnostic d) {
		return d.getCode() == null ? "" : d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
	}

	/** Applies LSP text edits (non-overlapping) to {@code text}. */
	static String apply(String text, List<TextEdit> edits) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort(Comparator.comparingInt((TextEdit e) -> offset(text, e.getRange().getStart())).reversed());
		StringBuilder s = new StringBuilder(text);
		for (TextEdit e : sorted) {
			s.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
		}
		return s.toString();
	}

	static int offset(String text, Position p) {
		int offset = 0;
		for (int line = 0; line < p.getLine(); line++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + p.getCharacter();
	}
}
