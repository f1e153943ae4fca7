package org.abilitymap.points;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The point-name rule: which spellings are one point ({@link PointNames#key}) and the ids derived from names. */
class PointNamesTest {

	@ParameterizedTest(name = "\"{0}\" = \"{1}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			ＰＬＣ                    | PLC
			ＰＬＣ编程                | plc编程
			ＴＯＲＱＵＥ wrench  use  | torque wrench use
			１２３                    | 123
			Python 编程               | Python编程
			"Python  \t 编程"         | python编程
			"绝缘电阻\u3000检测"      | 绝缘电阻检测
			"  绝缘电阻　检测 "       | 绝缘电阻检测
			"machine　learning"       | machine learning
			"machine \t  learning"    | machine learning
			Machine Learning          | machine learning
			""")
	void spellingsThatAreOnePoint(String spelling, String other) {
		assertThat(PointNames.key(spelling)).isEqualTo(PointNames.key(other));
	}

	@ParameterizedTest(name = "\"{0}\" != \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			machine learning | machinelearning
			Python 3         | Python3
			绝缘电阻检测     | 绝缘电阻测试
			C++              | C
			""")
	void spellingsThatAreDifferentPoints(String spelling, String other) {
		assertThat(PointNames.key(spelling)).isNotEqualTo(PointNames.key(other));
	}

	@Test
	void theKeyIsLowerCaseWithSingleSpacesAndNoneBesideChinese() {
		assertThat(PointNames.key("  Use a  TORQUE\twrench ")).isEqualTo("use a torque wrench");
		assertThat(PointNames.key("使用 ＰＬＣ 编程")).isEqualTo("使用plc编程");
		assertThat(PointNames.key("ISO 26262 功能安全")).isEqualTo("iso 26262功能安全");
	}

	@Test
	void derivedIdsAreStableAndPrefixedByKind() {
		String skill = PointNames.derivedId(PointKind.SKILL, "绝缘电阻检测");
		String knowledge = PointNames.derivedId(PointKind.KNOWLEDGE, "绝缘电阻检测");

		assertThat(skill).matches("sk-[0-9a-f]{16}").isEqualTo(PointNames.derivedId(PointKind.SKILL, "绝缘电阻检测"));
		assertThat(knowledge).matches("kn-[0-9a-f]{16}");
		assertThat(knowledge.substring(3)).isEqualTo(skill.substring(3));
	}

	@Test
	void spellingsOfOnePointDeriveOneId() {
		assertThat(PointNames.derivedId(PointKind.SKILL, "ＰＬＣ 编程"))
			.isEqualTo(PointNames.derivedId(PointKind.SKILL, "plc编程"))
			.isNotEqualTo(PointNames.derivedId(PointKind.SKILL, "plc编程基础"));
		assertThat(PointNames.derivedId(PointKind.KNOWLEDGE, "machine learning"))
			.isNotEqualTo(PointNames.derivedId(PointKind.KNOWLEDGE, "machinelearning"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			zero-width space          | "BMS\u200B controller"
			zero-width joiner         | "BMS cont\u200Droller"
			word joiner               | "BMS\u2060 controller"
			byte-order mark           | "\uFEFFBMS controller"
			soft hyphen               | "BMS con\u00ADtroller"
			left-to-right mark        | "BMS controller\u200E"
			right-to-left override    | "\u202EBMS controller\u202C"
			direction isolate         | "\u2066BMS\u2069 controller"
			variation selector        | "BMS controller\uFE0F"
			variation selector supp.  | "BMS controll\uDB40\uDD00er"
			NUL                       | "BMS\u0000 controller"
			other C0 controls         | "\u0007BMS \u001Bcontroller"
			""")
	void invisibleCharactersDoNotMakeANewPoint(String what, String spelling) {
		assertThat(spelling).isNotEqualTo("BMS controller");
		assertThat(PointNames.key(spelling)).as(what).isEqualTo("bms controller");
		assertThat(PointNames.derivedId(PointKind.SKILL, spelling)).isEqualTo(PointNames.derivedId(PointKind.SKILL, "BMS controller"));
	}

	@Test
	void invisibleCharactersAreRemovedFromChineseNamesToo() {
		assertThat(PointNames.key("绝缘\u200B电阻\u00AD检测\uFEFF")).isEqualTo(PointNames.key("绝缘电阻检测"));
		assertThat(PointNames.key("\u200B\u0000\uFEFF")).isEmpty();
	}

	@Test
	void aNameMixingCyrillicOrGreekLettersIntoLatinOrChineseLooksLikeTheLatinName() {
		String cyrillicO = "BMS c\u043Entroller"; // Cyrillic о
		String greekBeta = "\u0392MS controller"; // Greek capital Β
		String chineseWithCyrillicEs = "PL\u0421编程"; // Cyrillic С

		assertThat(PointNames.key(cyrillicO)).isNotEqualTo(PointNames.key("BMS controller"));
		assertThat(PointNames.lookAlikeKey(cyrillicO)).isEqualTo("bms controller");
		assertThat(PointNames.lookAlikeKey(greekBeta)).isEqualTo("bms controller");
		assertThat(PointNames.lookAlikeKey(chineseWithCyrillicEs)).isEqualTo("plc编程");
		assertThat(PointNames.confusable(cyrillicO, "BMS controller")).isTrue();
		assertThat(PointNames.confusable(chineseWithCyrillicEs, "PLC编程")).isTrue();
		assertThat(PointNames.confusable(cyrillicO, "BMS contraller")).isFalse();
	}

	@Test
	void namesInOneScriptOrWithoutLookAlikesHaveNoLookAlikeKey() {
		assertThat(PointNames.lookAlikeKey("BMS controller")).isNull();
		assertThat(PointNames.lookAlikeKey("绝缘电阻检测")).isNull();
		assertThat(PointNames.lookAlikeKey("контроллер")).as("all Cyrillic").isNull();
		assertThat(PointNames.lookAlikeKey("α粒子检测")).as("Greek alpha in a Chinese name").isEqualTo("a粒子检测");
		assertThat(PointNames.lookAlikeKey("ж检测")).as("a Cyrillic letter with no Latin look-alike").isNull();
	}
}
