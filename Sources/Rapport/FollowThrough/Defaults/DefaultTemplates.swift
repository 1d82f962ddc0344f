/// The texts Rapport ships; a workspace overrides them with `templates/intro-request.mustache`,
/// `templates/interview-request.mustache` and `questions.txt` beside the workspace file.
public enum DefaultTexts {
    /// To the introducer: short, specific, easy to say yes to, asking for advice rather than a job.
    public static let introRequest = """
        Subject: Would you introduce me to {{target_name}}?

        Hi {{introducer_first}},

        I hope all is well with you. I am exploring {{goal}} and trying to learn from people who do \
        this work every day.
        {{#via_name}}
        I understand you know {{via_name}}, who knows {{target_name}}{{#target_org}} at {{target_org}}{{/target_org}}.
        {{/via_name}}
        {{^via_name}}
        I understand you know {{target_name}}{{#target_org}} at {{target_org}}{{/target_org}}.
        {{/via_name}}
        {{#practice_area}}Their experience in {{practice_area}} is exactly what I hope to understand better.{{/practice_area}}
        {{#common}}It may help that {{target_first}} and I both {{common}}.{{/common}}

        Would you be comfortable introducing us? I would ask {{target_first}} for 20–30 minutes of \
        advice about their path, not for a job. If it is easier, I can send you a short note to forward.

        Thank you either way,
        {{me_first}}

        """

    /// To the target: a 20–30 minute informational interview, through the introducer or cold.
    public static let interviewRequest = """
        Subject: {{#has_introducer}}{{introducer_name}} suggested I reach out{{/has_introducer}}{{^has_introducer}}A question about your work{{#practice_area}} in {{practice_area}}{{/practice_area}}{{/has_introducer}}

        Dear {{target_first}},

        {{#has_introducer}}
        {{introducer_name}}{{#relationship}}, {{relationship}},{{/relationship}} kindly suggested I get in touch with you.
        {{/has_introducer}}
        {{#is_connected}}
        I hope you are well. I am exploring {{goal}}, and yours is advice I would value.
        {{/is_connected}}
        {{^is_connected}}
        My name is {{me_name}}, and I am exploring {{goal}}.
        {{/is_connected}}
        {{#common}}I noticed that we both {{common}}, so I hoped you might be open to hearing from me.{{/common}}
        {{^common}}{{^has_introducer}}{{^is_connected}}I came across your work{{#target_org}} at {{target_org}}{{/target_org}} and hoped you might be open to hearing from me.{{/is_connected}}{{/has_introducer}}{{/common}}

        Would you have 20–30 minutes in the coming weeks for a short conversation about your path\
        {{#practice_area}} into {{practice_area}}{{/practice_area}}{{#target_org}} and your work at {{target_org}}{{/target_org}}? \
        I am looking for advice, not a job, and I am glad to work around your schedule, by phone or video.

        Thank you for considering it,
        {{#is_connected}}{{me_first}}{{/is_connected}}{{^is_connected}}{{me_name}}{{/is_connected}}

        """
}
