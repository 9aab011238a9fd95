package org.mtb.intake.application;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.support.web.FieldProblem;

/**
 * The declaration an applicant confirms with a submission: what is stated agrees with the hospital's diagnosis and is
 * neither overstated nor concealed. Its substance is the rule of {@code shared/seeds/002_e4ef294f7a8de83a.txt} (注意事项:
 * 「填寫病情信息需與醫院診斷證明一致,不得虛報、瞞報」); the wording of the promise is the project's. A submission names the
 * version it was shown, so that a change of wording is never confirmed unseen; the version and the moment are stored.
 */
final class TruthfulnessDeclaration {

    static final String VERSION = "2026-11-30";
    static final String TEXT = "本人承诺：所填写的病情信息与医院诊断证明一致，所提交的材料真实、完整、有效，不虚报、不瞒报；"
            + "如有不实，本人愿承担相应责任。";
    static final String SOURCE = "shared/seeds/002_e4ef294f7a8de83a.txt, 注意事项: '填寫病情信息需與醫院診斷證明一致,不得虛報、瞞報'";

    private TruthfulnessDeclaration() {
    }

    /** What is wrong with the confirmation sent, if anything. */
    static List<FieldProblem> problems(SubmitApplicationRequest.@Nullable DeclarationRequest declaration) {
        if (declaration == null) {
            return List.of(new FieldProblem("declaration", "DECLARATION_REQUIRED",
                    "the applicant must confirm the truthfulness declaration, version " + VERSION));
        }
        if (!Boolean.TRUE.equals(declaration.accepted())) {
            return List.of(new FieldProblem("declaration.accepted", "DECLARATION_NOT_ACCEPTED",
                    "must be true: the application is taken only with the declaration confirmed"));
        }
        if (!VERSION.equals(declaration.version())) {
            return List.of(new FieldProblem("declaration.version", "DECLARATION_OUTDATED",
                    "the current declaration is version " + VERSION + "; show the applicant its text and send that"));
        }
        return List.of();
    }

    /** The text in force, as channels show it. */
    record Current(String version, String text, String source) {
    }

    static Current current() {
        return new Current(VERSION, TEXT, SOURCE);
    }
}
