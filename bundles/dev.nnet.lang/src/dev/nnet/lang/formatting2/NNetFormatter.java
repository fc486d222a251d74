package dev.nnet.lang.formatting2;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.xbase.lib.Pair;

import dev.nnet.lang.nnet.Activation;
import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.Element;
import dev.nnet.lang.nnet.Import;
import dev.nnet.lang.nnet.Init;
import dev.nnet.lang.nnet.Input;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.nnet.Optimizer;
import dev.nnet.lang.nnet.Perceptron;
import dev.nnet.lang.nnet.Repeat;
import dev.nnet.lang.nnet.Sample;
import dev.nnet.lang.nnet.Schedule;
import dev.nnet.lang.nnet.Split;
import dev.nnet.lang.nnet.Stop;
import dev.nnet.lang.nnet.Training;

/**
 * The canonical layout of .nnet files (the layout of the examples): one declaration per paragraph, one setting,
 * layer or sample per line inside braces indented by the indentation of the formatter preferences (2 spaces in
 * the examples), single spaces between the words of a line, no space before {@code , ) %} or inside
 * {@code ( )}.
 */
public class NNetFormatter extends AbstractJavaFormatter {

	/** The canonical indentation: two spaces. */
	public static final String INDENTATION = "  ";

	@Override
	protected void initialize(FormatterRequest request) {
		request.setPreferences(new MapBasedPreferenceValues(request.getPreferences(),
				Map.of(FormatterPreferenceKeys.indentation.getId(), INDENTATION)));
		super.initialize(request);
	}

	protected void format(Model model, IFormattableDocument doc) {
		// default: one space between any two tokens
		for (ISemanticRegion region : textRegionExtensions.allSemanticRegions(model)) {
			doc.append(region, f -> {
				f.oneSpace();
				f.lowPriority();
			});
		}
		for (ISemanticRegion comma : textRegionExtensions.allRegionsFor(model).keywords(",", ")", "%")) {
			doc.prepend(comma, f -> f.noSpace());
		}
		for (ISemanticRegion open : textRegionExtensions.allRegionsFor(model).keywords("(")) {
			doc.append(open, f -> f.noSpace());
		}
		boolean first = model.getName() == null;
		if (model.getName() != null) {
			doc.prepend(textRegionExtensions.regionFor(model).keyword("package"), f -> f.noSpace());
		}
		for (Import i : model.getImports()) {
			boolean firstImport = i == model.getImports().get(0);
			doc.prepend(i, f -> f.setNewLines(firstImport ? (first ? 0 : 2) : 1));
		}
		boolean firstElement = first && model.getImports().isEmpty();
		for (Element e : model.getElements()) {
			boolean isFirst = firstElement && e == model.getElements().get(0);
			doc.prepend(e, f -> f.setNewLines(isFirst ? 0 : 2));
			formatBlock(e, doc);
		}
		for (Iterator<EObject> it = model.eAllContents(); it.hasNext();) {
			EObject o = it.next();
			if (o instanceof Input || o instanceof LayerItem || o instanceof Optimizer || o instanceof Schedule
					|| o instanceof Stop || o instanceof Split || o instanceof Sample) {
				doc.prepend(o, f -> f.newLine());
			}
			if (o instanceof Repeat) {
				formatBlock(o, doc);
			}
			if (o instanceof Activation || o instanceof Init) {
				ISemanticRegion open = textRegionExtensions.regionFor(o).keyword("(");
				if (open != null) {
					doc.prepend(open, f -> f.noSpace());
				}
			}
		}
		for (Element e : model.getElements()) {
			statements(e, doc);
		}
		if (!model.getElements().isEmpty()) {
			doc.append(model.getElements().get(model.getElements().size() - 1), f -> f.setNewLines(1));
		}
	}

	private void formatBlock(EObject o, IFormattableDocument doc) {
		List<Pair<ISemanticRegion, ISemanticRegion>> pairs = textRegionExtensions.regionFor(o).keywordPairs("{", "}");
		for (Pair<ISemanticRegion, ISemanticRegion> p : pairs) {
			doc.interior(p.getKey(), p.getValue(), f -> f.indent());
			doc.prepend(p.getValue(), f -> f.newLine());
		}
	}

	/** A new line before every keyword that starts a setting. */
	private void statements(Element e, IFormattableDocument doc) {
		var regions = textRegionExtensions.regionFor(e);
		if (e instanceof DataSet d) {
			for (ISemanticRegion r : regions.keywords("samples", "label", "target", "features")) {
				doc.prepend(r, f -> f.newLine());
			}
			ISemanticRegion scaling = regions.feature(Literals.DATA_SET__SCALING);
			if (scaling != null) {
				doc.prepend(scaling, f -> f.newLine());
			}
			if (d.getSamples().isEmpty()) {
				for (ISemanticRegion open : regions.keywords("{")) {
					doc.append(open, f -> f.newLine());
				}
			}
		} else if (e instanceof Network) {
			for (ISemanticRegion r : regions.keywords("loss")) {
				doc.prepend(r, f -> f.newLine());
			}
		} else if (e instanceof Perceptron) {
			for (ISemanticRegion r : regions.keywords("outputs", "threshold")) {
				doc.prepend(r, f -> f.newLine());
			}
		} else if (e instanceof Training) {
			for (ISemanticRegion r : regions.keywords("network", "data", "batch", "shuffle", "epochs", "seed",
					"precision", "save")) {
				doc.prepend(r, f -> f.newLine());
			}
		}
	}
}
