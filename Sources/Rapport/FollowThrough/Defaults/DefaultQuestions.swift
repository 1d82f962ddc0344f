extension DefaultTexts {
    /// The default question bank (see `QuestionBank` for the format).
    public static let questionBank = """
        # Rapport question bank: one question per line under a heading.
        # Headings: [general], [sector: NAME] (matched to a person's sectors), [seniority: early|mid|senior].

        [general]
        How did you come to work in this field, and what would you do the same way again?
        What does a typical week look like for you?
        What do you enjoy most about your work, and what do you find hardest?
        Which skills matter most in your role that school did not teach?
        What do you wish you had known when you were starting out?
        How do people in your field usually find their first role?
        What should I read, follow or join to learn more about this work?
        Is there anyone else you think I should talk to?
        What would make someone in my position stand out to your organization?
        How is the field changing, and what does that mean for people entering it?

        [seniority: early]
        What surprised you most in your first year?
        How did you choose between the offers or paths open to you?
        What helped you most while you were getting started?

        [seniority: mid]
        How did your responsibilities change from your first year to now?
        Who gave you the opportunities that helped you grow, and how did you earn them?
        What distinguishes people who advance in your organization?

        [seniority: senior]
        What do you look for when you hire or mentor people early in their careers?
        Looking back over your career, which decision mattered most?
        Where do you see the practice heading in the next five years?

        [sector: intellectual property]
        How did you decide between prosecution, litigation and transactional IP work?
        How important is a technical background in your IP practice?
        Which IP courses or clinics would you recommend to a student?

        [sector: patent prosecution]
        How did you prepare for the patent bar, and when is the right time to take it?
        What makes a patent application strong in your experience?

        [sector: ip litigation]
        How much of your work is at the PTAB compared with district court?
        What does a junior lawyer do on a patent case team?

        [sector: technology transactions]
        What kinds of deals fill most of your time?
        How do you work with product and engineering teams on a transaction?

        [sector: licensing]
        What makes a licensing negotiation go well?
        How do you value IP when you structure a license?

        [sector: copyright]
        How has digital distribution changed your copyright work?
        Which copyright issues do clients bring to you most often now?

        [sector: trademarks]
        How do you build a trademark portfolio strategy for a growing brand?
        How much of your trademark work is clearance compared with enforcement?

        [sector: privacy]
        How do you keep up with privacy laws across jurisdictions?
        Did a certification such as the CIPP help your career?

        [sector: data security]
        What happens in the first 48 hours after a client reports a breach?
        How do you work with security engineers on an incident?

        [sector: litigation]
        How early did you get substantive work such as depositions or briefs?
        What makes a junior litigator someone partners want on their team?

        [sector: corporate]
        Which transactions taught you the most early on?
        How do you balance speed and care when a deal is closing?

        [sector: employment]
        Do you mostly advise or litigate, and how did you choose?
        How do you stay on top of changes in employment regulation?

        [sector: antitrust]
        How did you build the economics background antitrust work needs?
        What does a merger review look like from the inside?

        [sector: venture capital]
        What do founders most often get wrong in their first financing?
        How did you build relationships with investors and founders?

        [sector: tax]
        Did you pursue an LL.M. in tax, and would you recommend it?
        How do you explain complex tax structures to clients?

        [sector: appellate]
        How did you move into appellate work, and was a clerkship essential?
        What makes a brief persuasive to an appellate panel?

        [sector: public interest]
        How do you sustain a public-interest career financially and personally?
        Which organizations should I know about in this area?

        """
}
