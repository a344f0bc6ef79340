package io.branchbox.firmware.qa.form;

import java.util.List;

/**
 * The form a new box starts with: the 95598-style hotline's usual checklist (greeting and
 * identification, listening, accuracy of the answer, courtesy, closing; 100 points) and its
 * three fatal errors. Quality staff change it on the web admin; a change is a new version.
 */
public final class FactoryForms {
    /** The factory form's id. */
    public static final String HOTLINE = "hotline-95598";

    private FactoryForms() {}

    /** Version 1 of the factory form. */
    public static ScoringForm hotline() {
        return new ScoringForm(HOTLINE, 1, "95598 热线服务质检表", "95598 hotline service form", 80, List.of(
                new ScoringForm.Section("greeting", "开头语与身份确认", "Greeting and identification", List.of(
                        item("greeting.standard", "使用标准开头语并报工号", "Standard greeting with staff number", 10),
                        item("greeting.identify", "核实客户身份与户号", "Verified the customer and account", 10))),
                new ScoringForm.Section("listening", "倾听与理解", "Listening", List.of(
                        item("listening.interrupt", "不打断客户，耐心倾听", "Listened without interrupting", 10),
                        item("listening.confirm", "复述确认客户诉求", "Confirmed the request back", 10))),
                new ScoringForm.Section("accuracy", "答复准确性", "Accuracy of the answer", List.of(
                        item("accuracy.policy", "业务政策解答准确", "Policy answered correctly", 15),
                        item("accuracy.order", "工单记录完整准确", "Work order complete and right", 10))),
                new ScoringForm.Section("courtesy", "服务礼仪", "Courtesy", List.of(
                        item("courtesy.tone", "语气亲切、用语规范", "Friendly tone, proper words", 10),
                        item("courtesy.hold", "等待与保持前征得同意", "Asked before putting on hold", 5))),
                new ScoringForm.Section("closing", "结束语", "Closing", List.of(
                        item("closing.more", "询问是否还有其他需求", "Asked for anything else", 10),
                        item("closing.standard", "使用标准结束语，客户先挂机", "Standard closing, customer hung up first", 10))),
                new ScoringForm.Section("fatal", "致命错误", "Fatal errors", List.of(
                        fatal("fatal.rude", "服务态度恶劣、辱骂客户", "Rudeness to the customer"),
                        fatal("fatal.disclosure", "泄露客户信息", "Disclosure of customer data"),
                        fatal("fatal.harm", "答复错误造成损失", "Wrong information that causes harm")))));
    }

    private static ScoringForm.Item item(String id, String zh, String en, int points) {
        return new ScoringForm.Item(id, zh, en, points, false);
    }

    private static ScoringForm.Item fatal(String id, String zh, String en) {
        return new ScoringForm.Item(id, zh, en, 0, true);
    }
}
