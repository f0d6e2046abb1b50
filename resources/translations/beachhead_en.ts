<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AsOfBar</name>
    <message numerus="yes">
        <source>The portfolio as it stood on {day} (%Ln startup(s)), read-only</source>
        <translation>
            <numerusform>The portfolio as it stood on {day} (%Ln startup), read-only</numerusform>
            <numerusform>The portfolio as it stood on {day} (%Ln startups), read-only</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssessView</name>
    <message numerus="yes">
        <source>Delete {name} and its %n assessment(s)? You can undo this.</source>
        <translation>
            <numerusform>Delete {name} and its %n assessment? You can undo this.</numerusform>
            <numerusform>Delete {name} and its %n assessments? You can undo this.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message numerus="yes">
        <source>{shown} of %Ln assessment(s)</source>
        <translation>
            <numerusform>{shown} of %Ln assessment</numerusform>
            <numerusform>{shown} of %Ln assessments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsensusDialog</name>
    <message numerus="yes">
        <source>The assessors are %n level(s) apart</source>
        <extracomment>each criterion&apos;s name as the table shows it</extracomment>
        <translation>
            <numerusform>The assessors are %n level apart</numerusform>
            <numerusform>The assessors are %n levels apart</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message numerus="yes">
        <source>Copied %Ln row(s) with their column names.</source>
        <translation>
            <numerusform>Copied %Ln row with its column names.</numerusform>
            <numerusform>Copied %Ln rows with their column names.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileJobs</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s)</source>
        <translation>
            <numerusform>%n assessment</numerusform>
            <numerusform>%n assessments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FrameworkEditor</name>
    <message numerus="yes">
        <source>%n problem(s): the framework cannot be saved or used until each is solved. Click one to go to its field.</source>
        <translation>
            <numerusform>%n problem: the framework cannot be saved or used until it is solved. Click it to go to its field.</numerusform>
            <numerusform>%n problems: the framework cannot be saved or used until each is solved. Click one to go to its field.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GapsPanel</name>
    <message numerus="yes">
        <source>⚠ %n criteria differ by two levels or more.</source>
        <translation>
            <numerusform>⚠ %n criterion differs by two levels or more.</numerusform>
            <numerusform>⚠ %n criteria differ by two levels or more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln change(s)</source>
        <translation>
            <numerusform>{shown} of %Ln change</numerusform>
            <numerusform>{shown} of %Ln changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message numerus="yes">
        <source>Copied %Ln row(s) with their column names.</source>
        <translation>
            <numerusform>Copied %Ln row with its column names.</numerusform>
            <numerusform>Copied %Ln rows with their column names.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResults</name>
    <message numerus="yes">
        <source>%n workbook(s) read</source>
        <translation>
            <numerusform>%n workbook read</numerusform>
            <numerusform>%n workbooks read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with problems</source>
        <translation>
            <numerusform>%n with problems</numerusform>
            <numerusform>%n with problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s)</source>
        <translation>
            <numerusform>%n assessment</numerusform>
            <numerusform>%n assessments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workbook(s)</source>
        <translation>
            <numerusform>%n workbook</numerusform>
            <numerusform>%n workbooks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) worth a look:</source>
        <translation>
            <numerusform>%n thing worth a look:</numerusform>
            <numerusform>%n things worth a look:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import the %n good workbook(s) and leave the others out?</source>
        <translation>
            <numerusform>Import the %n good workbook and leave the others out?</numerusform>
            <numerusform>Import the %n good workbooks and leave the others out?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln startup(s)</source>
        <translation>
            <numerusform>%Ln startup</numerusform>
            <numerusform>%Ln startups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln assessment(s)</source>
        <translation>
            <numerusform>%Ln assessment</numerusform>
            <numerusform>%Ln assessments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MigrationDialog</name>
    <message numerus="yes">
        <source>%n criterion(s) kept</source>
        <translation>
            <numerusform>%n criterion kept</numerusform>
            <numerusform>%n criteria kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n renamed (scores kept)</source>
        <translation>
            <numerusform>%n renamed (scores kept)</numerusform>
            <numerusform>%n renamed (scores kept)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added (unscored)</source>
        <translation>
            <numerusform>%n added (unscored)</numerusform>
            <numerusform>%n added (unscored)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln score(s) of removed criteria leave the current assessments: they are no longer counted, the history keeps them, and Undo puts them back.</source>
        <translation>
            <numerusform>%Ln score of removed criteria leaves the current assessments: it is no longer counted, the history keeps it, and Undo puts it back.</numerusform>
            <numerusform>%Ln scores of removed criteria leave the current assessments: they are no longer counted, the history keeps them, and Undo puts them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpeningLine</name>
    <message numerus="yes">
        <source>Opening {name}: scoring %Ln startup(s)…</source>
        <translation>
            <numerusform>Opening {name}: scoring %Ln startup…</numerusform>
            <numerusform>Opening {name}: scoring %Ln startups…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opening {name}: ranking %Ln startup(s)…</source>
        <translation>
            <numerusform>Opening {name}: ranking %Ln startup…</numerusform>
            <numerusform>Opening {name}: ranking %Ln startups…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message numerus="yes">
        <source>All %Ln startup(s)</source>
        <translation>
            <numerusform>All %Ln startup</numerusform>
            <numerusform>All %Ln startups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln selected startup(s)</source>
        <translation>
            <numerusform>The %Ln selected startup</numerusform>
            <numerusform>The %Ln selected startups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundPanel</name>
    <message numerus="yes">
        <source>Reveal the scores of round {n} of {startup} to everyone? {k} of %n assessor(s) have submitted; the others can no longer submit. This cannot be undone.</source>
        <translation>
            <numerusform>Reveal the scores of round {n} of {startup} to everyone? {k} of %n assessor has submitted; the others can no longer submit. This cannot be undone.</numerusform>
            <numerusform>Reveal the scores of round {n} of {startup} to everyone? {k} of %n assessors have submitted; the others can no longer submit. This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message numerus="yes">
        <source>The preview waits until the framework has no problems (%n left).</source>
        <translation>
            <numerusform>The preview waits until the framework has no problems (%n left).</numerusform>
            <numerusform>The preview waits until the framework has no problems (%n left).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln startup(s) of {total} ({view}).</source>
        <translation>
            <numerusform>%Ln startup of {total} ({view}).</numerusform>
            <numerusform>%Ln startups of {total} ({view}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScenariosPanel</name>
    <message numerus="yes">
        <source>The preview waits until the framework has no problems (%n left).</source>
        <translation>
            <numerusform>The preview waits until the framework has no problems (%n left).</numerusform>
            <numerusform>The preview waits until the framework has no problems (%n left).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln startup(s) change rank ({view}).</source>
        <translation>
            <numerusform>%Ln startup changes rank ({view}).</numerusform>
            <numerusform>%Ln startups change rank ({view}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartupPane</name>
    <message numerus="yes">
        <source>{shown} of %Ln startup(s) shown</source>
        <translation>
            <numerusform>{shown} of %Ln startup shown</numerusform>
            <numerusform>{shown} of %Ln startups shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartupRankingModel</name>
    <message numerus="yes">
        <source>%n assessment(s) make up the {perspective}</source>
        <translation>
            <numerusform>%n assessment makes up the {perspective}</numerusform>
            <numerusform>%n assessments make up the {perspective}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartupsPage</name>
    <message numerus="yes">
        <source>%Ln startup(s), {perspective}</source>
        <translation>
            <numerusform>%Ln startup, {perspective}</numerusform>
            <numerusform>%Ln startups, {perspective}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln startup(s) shown, {perspective}; ranks and probabilities are over all %Ln</source>
        <translation>
            <numerusform>{shown} of %Ln startup shown, {perspective}; ranks and probabilities are over all %Ln</numerusform>
            <numerusform>{shown} of %Ln startups shown, {perspective}; ranks and probabilities are over all %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrendPage</name>
    <message numerus="yes">
        <source>Overall and pillar scores under {perspective}, each from the moment it was reached until the next change (%Ln change(s) of the scores).</source>
        <translation>
            <numerusform>Overall and pillar scores under {perspective}, each from the moment it was reached until the next change (%Ln change of the scores).</numerusform>
            <numerusform>Overall and pillar scores under {perspective}, each from the moment it was reached until the next change (%Ln changes of the scores).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UncertaintyPanel</name>
    <message numerus="yes">
        <source>Computing %Ln startup(s) × {draws} draws…</source>
        <translation>
            <numerusform>Computing %Ln startup × {draws} draws…</numerusform>
            <numerusform>Computing %Ln startups × {draws} draws…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UncertaintySettings</name>
    <message numerus="yes">
        <source>The investors were resampled %n time(s).</source>
        <translation>
            <numerusform>The investors were resampled %n time.</numerusform>
            <numerusform>The investors were resampled %n times.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>P(rank 1) and P(top 3) are over all %Ln startup(s) ranked.</source>
        <translation>
            <numerusform>P(rank 1) and P(top 3) are over all %Ln startup ranked.</numerusform>
            <numerusform>P(rank 1) and P(top 3) are over all %Ln startups ranked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>P(rank 1) and P(top 3) are over all %Ln startup(s) ranked; the filter shows {shown} of them but changes no figure.</source>
        <translation>
            <numerusform>P(rank 1) and P(top 3) are over all %Ln startup ranked; the filter shows {shown} of them but changes no figure.</numerusform>
            <numerusform>P(rank 1) and P(top 3) are over all %Ln startups ranked; the filter shows {shown} of them but changes no figure.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoCounts</name>
    <message numerus="yes">
        <source>Import %Ln assessment(s)</source>
        <translation>
            <numerusform>Import %Ln assessment</numerusform>
            <numerusform>Import %Ln assessments</numerusform>
        </translation>
    </message>
</context>
</TS>
