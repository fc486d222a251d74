package dev.nnet.lang.ide.references;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import dev.nnet.lang.layers.LayerDescriptor;
import dev.nnet.lang.layers.LayerDescriptors;
import dev.nnet.lang.nnet.LayerItem;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.Element;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.NnetPackage.Literals;

/**
 * Declarations and references of the named things of the language (networks, perceptrons, data sets, trainings,
 * layers) over a set of resources: what mark occurrences highlights, find references lists and rename edits.
 * UI-free; the Eclipse editor calls it on the resources of a project.
 */
@Singleton
public class NNetReferences {

	private static final Pattern ID = Pattern.compile("\\^?[a-zA-Z_][a-zA-Z0-9_]*");

	@Inject
	private EObjectAtOffsetHelper offsets;

	@Inject
	private IGrammarAccess grammar;

	/** @return the element declared or referenced at {@code offset}, or null */
	public EObject targetAt(XtextResource resource, int offset) {
		if (resource.getParseResult() == null) {
			return null;
		}
		INode ref = offsets.getCrossReferenceNode(resource, new TextRegion(offset, 0));
		if (ref != null) {
			EObject target = offsets.getCrossReferencedElement(ref);
			return target == null || target.eIsProxy() ? null : target;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf != null && leaf.isHidden() && leaf.getOffset() == offset && offset > 0) {
			leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset - 1);
		}
		if (leaf == null || leaf.isHidden()) {
			return null;
		}
		EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
		INode name = element == null ? null : nameNode(element);
		return name != null && name.getOffset() <= leaf.getOffset() && leaf.getEndOffset() <= name.getEndOffset()
				? element
				: null;
	}

	/** @return the name of a named element (a top-level element or a layer of any kind), or null */
	public static String nameOf(EObject o) {
		if (o instanceof Element e) {
			return e.getName();
		}
		LayerDescriptor layer = o instanceof LayerItem item ? LayerDescriptors.of(item) : null;
		return layer == null ? null : layer.declaredName((LayerItem) o);
	}

	/** The name attribute of top-level elements and of every layer type its descriptor knows (each declares its own). */
	private static EStructuralFeature nameFeature(EObject o) {
		if (o instanceof Element) {
			return Literals.ELEMENT__NAME;
		}
		return o instanceof LayerItem item && LayerDescriptors.of(item) != null
				? o.eClass().getEStructuralFeature(Literals.DENSE__NAME.getName())
				: null;
	}

	/** @return the declaration and the references of {@code target} in {@code resources}, in text order per file */
	public List<Occurrence> occurrences(EObject target, Iterable<? extends Resource> resources) {
		List<Occurrence> found = new ArrayList<>();
		for (Resource r : resources) {
			if (r == target.eResource()) {
				INode name = nameNode(target);
				if (name != null) {
					found.add(new Occurrence(r.getURI(), name.getOffset(), name.getLength(), true));
				}
			}
			for (TreeIterator<EObject> it = r.getAllContents(); it.hasNext();) {
				EObject o = it.next();
				for (EReference ref : o.eClass().getEAllReferences()) {
					if (!ref.isContainment() && !ref.isContainer() && !ref.isMany() && o.eGet(ref, true) == target) {
						for (INode node : NodeModelUtils.findNodesForFeature(o, ref)) {
							ILeafNode last = lastLeaf(node);
							if (last != null) {
								found.add(new Occurrence(r.getURI(), last.getOffset(), last.getLength(), false));
							}
						}
					}
				}
			}
		}
		found.sort(Comparator.comparing((Occurrence o) -> o.uri().toString()).thenComparingInt(Occurrence::offset));
		return found;
	}

	/**
	 * @return why {@code name} cannot be the new name of {@code target}, or null when it can: it must be an
	 *         identifier, no keyword, and not the name of another element of the same file
	 */
	public String checkNewName(EObject target, String name) {
		if (name == null || !ID.matcher(name).matches()) {
			return "'" + name + "' is not a name: letters, digits and _, not starting with a digit";
		}
		Set<String> keywords = GrammarUtil.getAllKeywords(grammar.getGrammar());
		if (keywords.contains(name)) {
			return "'" + name + "' is a keyword of the language";
		}
		if (name.equals(nameOf(target))) {
			return "'" + name + "' is the current name";
		}
		EObject root = target;
		while (root.eContainer() != null && !(root instanceof Model)) {
			root = root.eContainer();
		}
		if (target instanceof Element && root instanceof Model m) {
			for (Element e : m.getElements()) {
				if (e != target && name.equals(e.getName())) {
					return "'" + name + "' is already declared in " + target.eResource().getURI().lastSegment();
				}
			}
		}
		Network network = target instanceof Element ? null : EcoreUtil2.getContainerOfType(target, Network.class);
		if (network != null) {
			for (TreeIterator<EObject> it = network.eAllContents(); it.hasNext();) {
				EObject layer = it.next();
				if (layer != target && name.equals(nameOf(layer))) {
					return "'" + name + "' already names a layer of network " + network.getName();
				}
			}
		}
		return null;
	}

	private static INode nameNode(EObject o) {
		EStructuralFeature feature = nameFeature(o);
		List<INode> nodes = feature == null ? List.of() : NodeModelUtils.findNodesForFeature(o, feature);
		return nodes.isEmpty() ? null : nodes.get(0);
	}

	private static ILeafNode lastLeaf(INode node) {
		ILeafNode last = null;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden()) {
				last = leaf;
			}
		}
		return last;
	}
}
