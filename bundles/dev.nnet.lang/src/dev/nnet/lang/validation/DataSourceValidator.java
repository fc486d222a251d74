package dev.nnet.lang.validation;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import dev.nnet.lang.data.CsvHeader;
import dev.nnet.lang.data.DataInspector;
import dev.nnet.lang.nnet.Column;
import dev.nnet.lang.nnet.DataSet;
import dev.nnet.lang.nnet.IndexedColumn;
import dev.nnet.lang.nnet.NamedColumn;
import dev.nnet.lang.nnet.NnetPackage.Literals;
import dev.nnet.lang.nnet.Sample;

/**
 * Rule 10 and sample consistency: CSV files that do not exist or lack a named column, inline samples of different sizes.
 * Composed into {@link NNetValidator}; codes in {@link IssueCodes}, messages in {@code messages.properties}.
 */
public class DataSourceValidator extends NNetRuleValidator {

	@Inject
	private DataInspector dataInspector;

	@Check
	public void checkCsvFile(DataSet d) {
		if (d.getFile() == null) {
			return;
		}
		File file = dataInspector.resolve(d);
		if (file == null) {
			return; // not on disk (e.g. an in-memory editor buffer): nothing to check
		}
		String unreadable = DataInspector.unreadable(file);
		if (!file.exists()) {
			error(Messages.get("csvNotFound", d.getFile(), d.getName(), file.getPath()), Literals.DATA_SET__FILE,
					IssueCodes.CSV_NOT_FOUND, file.getPath());
			return;
		}
		if (unreadable != null) {
			error(Messages.get("csvUnreadable", d.getFile(), d.getName(), unreadable, file.getPath()),
					Literals.DATA_SET__FILE, IssueCodes.CSV_UNREADABLE, file.getPath());
			return;
		}
		List<String> header = dataInspector.header(file);
		if (header == null) {
			try {
				dev.nnet.engine.data.CsvLoader.headerLine(file.toPath());
			} catch (dev.nnet.engine.data.CsvException e) {
				error(Messages.get("csvInvalid", d.getFile(), d.getName(), e.getMessage()), Literals.DATA_SET__FILE,
						IssueCodes.CSV_INVALID, e.getMessage());
			}
			return;
		}
		List<Column> columns = new ArrayList<>(d.getFeatures());
		if (d.getLabel() != null) {
			columns.add(d.getLabel());
		}
		if (d.getTarget() != null) {
			columns.add(d.getTarget());
		}
		boolean missing = false;
		for (Column c : columns) {
			if (DataInspector.columnIndex(header, c) < 0) {
				missing = true;
				String shown = c instanceof NamedColumn n ? '"' + n.getName() + '"'
						: String.valueOf(((IndexedColumn) c).getIndex());
				EStructuralFeature feature = c instanceof NamedColumn ? Literals.NAMED_COLUMN__NAME
						: Literals.INDEXED_COLUMN__INDEX;
				error(Messages.get("csvMissingColumn", d.getFile(), shown, String.join(", ", header)), c, feature,
						IssueCodes.CSV_MISSING_COLUMN, String.join(",", header));
			}
		}
		if (!missing) {
			checkCsvContent(d, file);
		}
	}

	private void checkCsvContent(DataSet d, File file) {
		if (d.getLabel() == null && d.getTarget() == null) {
			return;
		}
		CsvHeader csv = dataInspector.readCsv(file, d);
		if (csv != null && csv.problem() != null) {
			error(Messages.get("csvInvalid", d.getFile(), d.getName(), csv.problem()), Literals.DATA_SET__FILE,
					IssueCodes.CSV_INVALID, csv.problem());
		}
	}

	@Check
	public void checkDataSource(DataSet d) {
		if (d.getFile() != null && !d.getSamples().isEmpty()) {
			error(Messages.get("samplesAndFile", d.getName()), Literals.DATA_SET__FILE, IssueCodes.INVALID_DATA_SOURCE);
		} else if (d.getFile() == null && d.getSamples().isEmpty()) {
			error(Messages.get("noSamples", d.getName()), Literals.ELEMENT__NAME, IssueCodes.INVALID_DATA_SOURCE);
		} else if (d.getFile() != null && d.getLabel() == null && d.getTarget() == null) {
			error(Messages.get("csvWithoutTarget", d.getName()), Literals.ELEMENT__NAME, IssueCodes.CSV_WITHOUT_TARGET);
		}
	}

	@Check
	public void checkSamplesConsistent(DataSet d) {
		if (d.getSamples().isEmpty()) {
			return;
		}
		Sample first = d.getSamples().get(0);
		for (Sample s : d.getSamples()) {
			if (s.getFeatures().size() != first.getFeatures().size()
					|| s.getTargets().size() != first.getTargets().size()) {
				error(Messages.get("inconsistentSample", s.getFeatures().size(), s.getTargets().size(), d.getName(),
						first.getFeatures().size(), first.getTargets().size()), s, null,
						IssueCodes.INCONSISTENT_SAMPLE, String.valueOf(first.getFeatures().size()));
			}
		}
	}
}
