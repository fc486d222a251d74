package dev.nnet.lang.validation;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IContainer;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import dev.nnet.lang.nnet.Dense;
import dev.nnet.lang.nnet.Element;
import dev.nnet.lang.nnet.Model;
import dev.nnet.lang.nnet.Network;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.shapes.LayerShape;
import dev.nnet.lang.shapes.ShapeInference;

/**
 * Names that generated Java, file systems and the engine can carry: at most {@link #MAX_NAME_LENGTH} characters
 * (a class and its file are named after an element), and layer names that stay distinct after {@code repeat}
 * blocks append {@code _<k>} ({@code dense block_1} beside {@code repeat 2 { dense block }}); element names unique
 * across the files of a project (two files of one folder that both declare {@code network N}).
 */
public class NameValidator extends NNetRuleValidator {

	/** Longest name accepted (file names are limited to 255 bytes, and a suffix may be appended). */
	public static final int MAX_NAME_LENGTH = 200;

	@Inject
	private ShapeInference shapes;

	@Inject
	private IQualifiedNameProvider names;

	@Inject
	private ResourceDescriptionsProvider index;

	@Inject
	private IContainer.Manager containers;

	private void tooLong(String name, org.eclipse.emf.ecore.EObject o, org.eclipse.emf.ecore.EStructuralFeature f) {
		if (name != null && name.length() > MAX_NAME_LENGTH) {
			error(Messages.get("nameTooLong", name.substring(0, 20), name.length(), MAX_NAME_LENGTH), o, f,
					IssueCodes.NAME_TOO_LONG, String.valueOf(MAX_NAME_LENGTH));
		}
	}

	@Check
	public void checkNameLength(Element e) {
		tooLong(e.getName(), e, Literals.ELEMENT__NAME);
	}

	@Check
	public void checkLayerNameLength(Dense d) {
		tooLong(d.getName(), d, Literals.DENSE__NAME);
	}

	@Check
	public void checkPackageLength(Model m) {
		tooLong(m.getName(), m, Literals.MODEL__NAME);
	}

	@Check
	public void checkGeneratedLayerNames(Network n) {
		Map<String, LayerShape> seen = new HashMap<>();
		for (LayerShape l : shapes.infer(n).layers()) {
			LayerShape before = seen.putIfAbsent(l.name(), l);
			if (before != null && before.source() != l.source() && l.source() instanceof Dense d) {
				error(Messages.get("generatedNameClash", n.getName(), l.name()), d,
						d.getName() != null ? Literals.DENSE__NAME : Literals.DENSE__UNITS, IssueCodes.DUPLICATE_NAME,
						l.name());
				return;
			}
		}
	}

	/** Names are unique across the files of a project (the visible containers), not only within one file. */
	@Check
	public void checkUniqueAcrossFiles(Element e) {
		QualifiedName name = e.getName() == null ? null : names.getFullyQualifiedName(e);
		Resource resource = e.eResource();
		if (name == null || resource == null) {
			return;
		}
		IResourceDescriptions descriptions = index.getResourceDescriptions(resource);
		IResourceDescription own = descriptions.getResourceDescription(resource.getURI());
		if (own == null) {
			return;
		}
		for (IContainer container : containers.getVisibleContainers(own, descriptions)) {
			for (IEObjectDescription other : container.getExportedObjects(Literals.ELEMENT, name, false)) {
				URI file = other.getEObjectURI().trimFragment();
				if (!sameResource(file, resource, own)) {
					error(Messages.get("nameInOtherFile", name.toString(), file.lastSegment()), e,
							Literals.ELEMENT__NAME, IssueCodes.DUPLICATE_NAME, name.toString());
					return;
				}
			}
		}
	}

	private static boolean sameResource(URI file, Resource resource, IResourceDescription own) {
		if (file.equals(resource.getURI()) || file.equals(own.getURI())) {
			return true;
		}
		org.eclipse.emf.ecore.resource.ResourceSet set = resource.getResourceSet();
		return set != null && (set.getURIConverter().normalize(file).equals(set.getURIConverter().normalize(
				resource.getURI())) || set.getResource(file, false) == resource);
	}
}
