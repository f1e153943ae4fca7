package org.abilitymap.national;

import java.io.IOException;
import java.nio.file.Path;

import org.abilitymap.imports.ImportFormat;
import org.abilitymap.imports.Progress;
import org.springframework.stereotype.Component;

/** The {@code cn-vocational} import format: the folder of Chinese national vocational reference data. */
@Component("cn-vocational")
class CnVocationalFormat implements ImportFormat {

	private final NationalReferenceImport nationalImport;

	CnVocationalFormat(NationalReferenceImport nationalImport) {
		this.nationalImport = nationalImport;
	}

	@Override
	public String name() {
		return "cn-vocational";
	}

	@Override
	public String description() {
		return "folder with tsv/, moe_pdfs_md/, occupation_dictionary_split/: 专业目录, 专业-职业对照, 专业简介, 职业分类大典";
	}

	@Override
	public boolean recognises(Path path) {
		return NationalReferenceImport.looksLikeNationalData(path);
	}

	@Override
	public String importFrom(Path path, Progress progress) throws IOException {
		return nationalImport.importFrom(path, progress).summary();
	}
}
