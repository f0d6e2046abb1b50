<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Beachhead</source>
        <extracomment>The distribution Beachhead is installed as.</extracomment>
        <translation>关于 Beachhead</translation>
    </message>
    <message>
        <source>&lt;b&gt;Beachhead&lt;/b&gt; {version}</source>
        <translation>&lt;b&gt;Beachhead&lt;/b&gt; {version}</translation>
    </message>
    <message>
        <source>Scores an AI startup&apos;s strategic position against the big incumbents, stress-tests it and exports live Excel workbooks. Everything runs offline: deal data stays in your files, or for a team on your firm&apos;s own PostgreSQL server, and is sent nowhere else.</source>
        <translation>评估 AI 初创公司相对大型巨头的战略位置，对其进行压力测试，并导出带实时公式的 Excel 工作簿。一切都离线运行：交易数据保存在您的文件中，团队的数据则保存在贵公司自己的 PostgreSQL 服务器上，不会发送到其他任何地方。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Libraries&lt;/b&gt;</source>
        <translation>&lt;b&gt;所用的库&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where your data is kept&lt;/b&gt;</source>
        <translation>&lt;b&gt;数据保存位置&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>none: the portfolio on screen is kept in memory until you save it</source>
        <translation>无：屏幕上的组合保存在内存中，直到您将其保存</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>设置：</translation>
    </message>
    <message>
        <source>Data folder (log):</source>
        <translation>数据文件夹（日志）：</translation>
    </message>
    <message>
        <source>Open workspace:</source>
        <translation>打开的工作区：</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong inside Beachhead. Your work is safe: every change was written to the portfolio&apos;s file as you made it. You can carry on; if it happens again, restart Beachhead and report the problem with the details written to {log}.</source>
        <extracomment>The desktop entry the running window belongs to (``resources/beachhead.desktop``): the desktop shows the entry&apos;s icon and name for it and groups its windows.</extracomment>
        <translation>Beachhead 内部出了问题。您的工作是安全的：每项更改在您做出时都已写入组合文件。您可以继续工作；如果再次发生，请重新启动 Beachhead，并附上写入 {log} 的详细信息报告此问题。</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>意外问题</translation>
    </message>
</context>
<context>
    <name>AsOfBar</name>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Show the portfolio as it stood at the end of a past day, rebuilt from the change log (read-only)</source>
        <translation>显示组合在过去某天结束时的状态，由更改日志重建（只读）</translation>
    </message>
    <message>
        <source>Nothing to show: this workspace was created on {day}, after that day.</source>
        <translation>无可显示：此工作区创建于 {day}，晚于所选日期。</translation>
    </message>
    <message numerus="yes">
        <source>The portfolio as it stood on {day} (%Ln startup(s)), read-only</source>
        <translation>
            <numerusform>组合在 {day} 的状态（%Ln 家初创公司），只读</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssessView</name>
    <message>
        <source>Go to the next criterion not scored yet ({key})</source>
        <translation>转到下一个尚未评分的标准（{key}）</translation>
    </message>
    <message>
        <source>Add startup</source>
        <translation>添加初创公司</translation>
    </message>
    <message>
        <source>Name of the startup:</source>
        <translation>初创公司名称：</translation>
    </message>
    <message>
        <source>Rename startup</source>
        <translation>重命名初创公司</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <source>Delete startup</source>
        <translation>删除初创公司</translation>
    </message>
    <message numerus="yes">
        <source>Delete {name} and its %n assessment(s)? You can undo this.</source>
        <translation>
            <numerusform>删除 {name} 及其 %n 项评估？此操作可以撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation>删除评估</translation>
    </message>
    <message>
        <source>Delete the assessment {label}? You can undo this.</source>
        <translation>删除评估 {label}？此操作可以撤销。</translation>
    </message>
</context>
<context>
    <name>AssessmentHeader</name>
    <message>
        <source>New assessment</source>
        <translation>新建评估</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Start a new assessment from a copy of this one</source>
        <translation>以此评估的副本开始新的评估</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this assessment</source>
        <translation>删除此评估</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Assessor name</source>
        <translation>评估人姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>评估人</translation>
    </message>
    <message>
        <source>Keys: 1–5 score · 0 clears · ↑ ↓ move</source>
        <translation>按键：1–5 评分 · 0 清除 · ↑ ↓ 移动</translation>
    </message>
    <message>
        <source>With a criterion chosen (click it, or move with the arrow keys), keys 1 to 5 score it, 0 or Delete clears it, and the up and down arrows move to the previous or next criterion</source>
        <translation>选中一个标准（点击它，或用方向键移动）后，按 1 到 5 为其评分，按 0 或 Delete 清除评分，按上下方向键移到上一个或下一个标准</translation>
    </message>
    <message>
        <source>Next unscored</source>
        <translation>下一个未评分</translation>
    </message>
    <message>
        <source>{scored} of {total} scored</source>
        <translation>已评分 {scored} / {total}</translation>
    </message>
    <message>
        <source>founder</source>
        <translation>创始人</translation>
    </message>
    <message>
        <source>investor</source>
        <translation>投资人</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>{who} ({role}, {date})</source>
        <translation>{who}（{role}，{date}）</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message>
        <source>Only with deal-breakers</source>
        <translation>仅显示有致命缺陷的</translation>
    </message>
    <message>
        <source>Filter by startup, assessor or posture</source>
        <translation>按初创公司、评估人或战略姿态筛选</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>所有角色</translation>
    </message>
    <message>
        <source>Every assessment as scored, for audit; rankings are on the Startups page.</source>
        <translation>每项评估的原始评分，供核查之用；排名见“初创公司”页。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln assessment(s)</source>
        <translation>
            <numerusform>显示 {shown} / %Ln 项评估</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Redo: {what}</source>
        <translation>重做：{what}</translation>
    </message>
    <message>
        <source>Undo: {what}</source>
        <translation>撤销：{what}</translation>
    </message>
    <message>
        <source>Clear the score of {criterion} ({startup})</source>
        <extracomment>says what the step does in the interface language (see :meth:`set_words`)</extracomment>
        <translation>清除 {criterion} 的评分（{startup}）</translation>
    </message>
    <message>
        <source>Score {criterion} ({startup})</source>
        <translation>为 {criterion} 评分（{startup}）</translation>
    </message>
    <message>
        <source>Set confidence of {criterion} ({startup})</source>
        <translation>设置 {criterion} 的置信度（{startup}）</translation>
    </message>
    <message>
        <source>Edit rationale of {criterion} ({startup})</source>
        <translation>编辑 {criterion} 的理由（{startup}）</translation>
    </message>
    <message>
        <source>Edit evidence of {criterion} ({startup})</source>
        <translation>编辑 {criterion} 的证据（{startup}）</translation>
    </message>
    <message>
        <source>Rename {old} to {new}</source>
        <translation>将 {old} 重命名为 {new}</translation>
    </message>
    <message>
        <source>sector</source>
        <translation>赛道</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Edit {startup}</source>
        <translation>编辑 {startup}</translation>
    </message>
    <message>
        <source>Edit {field} of {startup}</source>
        <translation>编辑 {startup} 的{field}</translation>
    </message>
    <message>
        <source>Edit the assessor of an assessment of {startup}</source>
        <translation>编辑 {startup} 一项评估的评估人</translation>
    </message>
    <message>
        <source>Edit the role of an assessment of {startup}</source>
        <translation>编辑 {startup} 一项评估的角色</translation>
    </message>
    <message>
        <source>Edit the date of an assessment of {startup}</source>
        <translation>编辑 {startup} 一项评估的日期</translation>
    </message>
    <message>
        <source>Edit an assessment of {startup}</source>
        <translation>编辑 {startup} 的一项评估</translation>
    </message>
    <message>
        <source>Decide {status} for {startup}</source>
        <translation>为 {startup} 作出决定：{status}</translation>
    </message>
    <message>
        <source>Take the suggestion {status} for {startup}</source>
        <translation>为 {startup} 采纳建议：{status}</translation>
    </message>
    <message>
        <source>Withdraw the decision on {startup}</source>
        <translation>撤回对 {startup} 的决定</translation>
    </message>
    <message>
        <source>Edit the decision date of {startup}</source>
        <translation>编辑 {startup} 的决定日期</translation>
    </message>
    <message>
        <source>Edit who decided on {startup}</source>
        <translation>编辑 {startup} 的决定人</translation>
    </message>
    <message>
        <source>Edit the decision rationale of {startup}</source>
        <translation>编辑 {startup} 的决定理由</translation>
    </message>
    <message>
        <source>Duplicate {name}</source>
        <translation>为 {name} 创建副本</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>添加 {name}</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Add an assessment of {startup}</source>
        <translation>为 {startup} 添加评估</translation>
    </message>
    <message>
        <source>Copy an assessment of {startup}</source>
        <translation>复制 {startup} 的一项评估</translation>
    </message>
    <message>
        <source>Add the consensus assessment of {startup}</source>
        <translation>为 {startup} 添加共识评估</translation>
    </message>
    <message>
        <source>Delete an assessment of {startup}</source>
        <translation>删除 {startup} 的一项评估</translation>
    </message>
    <message>
        <source>Pairwise weights of the pillars</source>
        <translation>支柱的成对比较权重</translation>
    </message>
    <message>
        <source>Set the weight of {name}</source>
        <translation>设置 {name} 的权重</translation>
    </message>
    <message>
        <source>Switch on {name}</source>
        <translation>开启 {name}</translation>
    </message>
    <message>
        <source>Switch off {name}</source>
        <translation>关闭 {name}</translation>
    </message>
    <message>
        <source>Pairwise weights of the criteria of {name}</source>
        <translation>{name} 各评估标准的成对比较权重</translation>
    </message>
    <message>
        <source>Load the framework {name}</source>
        <translation>载入框架 {name}</translation>
    </message>
    <message>
        <source>Make a new version of the framework {name}</source>
        <translation>为框架 {name} 建立新版本</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>重做 {what}(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>撤销 {what}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Migrate to the framework {name} {version}</source>
        <translation>迁移到框架 {name} {version}</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Startups</source>
        <translation>初创公司</translation>
    </message>
    <message>
        <source>Assessments (audit)</source>
        <translation>评估（核查）</translation>
    </message>
    <message>
        <source>No startups to compare yet. Add them in Assess or import founders&apos; workbooks: each gets a row here, ranked under the perspective.</source>
        <extracomment>the window&apos;s document; :attr:`doc` is it, or a past state of it (As of)</extracomment>
        <translation>还没有可比较的初创公司。请在“评估”中添加，或导入创始人的工作簿：每家初创公司都会在这里占一行，按当前视角排名。</translation>
    </message>
    <message>
        <source>Add Startup…</source>
        <translation>添加初创公司…</translation>
    </message>
    <message>
        <source>Import Founders&apos; Workbooks…</source>
        <translation>导入创始人工作簿…</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>定位图</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>不确定性</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感性</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Change not made</source>
        <translation>未做更改</translation>
    </message>
    <message>
        <source>Scenario: {name}</source>
        <translation>情景：{name}</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <source>Overall score (0–100)</source>
        <translation>总分（0–100）</translation>
    </message>
    <message>
        <source>Pillar: {name} (score 0–100, 100 = least)</source>
        <translation>支柱：{name}（得分 0–100，100 = 最小）</translation>
    </message>
    <message>
        <source>Pillar: {name} (score 0–100)</source>
        <translation>支柱：{name}（得分 0–100）</translation>
    </message>
    <message>
        <source>{name} (level 1–5)</source>
        <translation>{name}（等级 1–5）</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>删除此条件</translation>
    </message>
</context>
<context>
    <name>ConditionsEditor</name>
    <message>
        <source>Add Condition</source>
        <translation>添加条件</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <extracomment>How much of a value a button shows (the message shows :data:`models.history.names.SHORT_LENGTH`).</extracomment>
        <translation>已被他人更改</translation>
    </message>
    <message>
        <source>Keep their value, or write yours over it?</source>
        <translation>保留对方的值，还是用你的值覆盖？</translation>
    </message>
    <message>
        <source>Keep {theirs}</source>
        <translation>保留 {theirs}</translation>
    </message>
    <message>
        <source>Use yours ({mine})</source>
        <translation>用你的（{mine}）</translation>
    </message>
    <message>
        <source>Someone else changed {what} to {value} while you were editing.</source>
        <translation>在你编辑期间，其他人将{what}改为 {value}。</translation>
    </message>
    <message>
        <source>{who} (database role {role})</source>
        <translation>{who}（数据库角色 {role}）</translation>
    </message>
    <message>
        <source>{who} changed {what} to {value} at {time} while you were editing.</source>
        <translation>在你编辑期间，{who} 于 {time} 将{what}改为 {value}。</translation>
    </message>
    <message>
        <source>the {field} of {startup}</source>
        <translation>{startup}的{field}</translation>
    </message>
    <message>
        <source>the {field} of {assessor}&apos;s assessment of {startup}</source>
        <translation>{assessor}对{startup}的评估的{field}</translation>
    </message>
    <message>
        <source>{criterion} of {startup} ({assessor}&apos;s assessment)</source>
        <translation>{startup}（{assessor}的评估）的{criterion}</translation>
    </message>
    <message>
        <source>the {field} of {criterion} of {startup} ({assessor}&apos;s assessment)</source>
        <translation>{startup}（{assessor}的评估）中{criterion}的{field}</translation>
    </message>
</context>
<context>
    <name>ConsensusDialog</name>
    <message>
        <source>Consensus — {startup}, round {n}</source>
        <extracomment>The background of a flagged row (assessors :data:`FLAG_LEVELS` levels apart or more). The consensus choices: not scored, then the levels.</extracomment>
        <translation>共识 — {startup}，第 {n} 轮</translation>
    </message>
    <message>
        <source>Each assessor&apos;s level as submitted. Rows where the assessors are {k} or more levels apart are highlighted. The consensus starts at the proposal: the median of the levels given (with two middle levels, the one less favourable to the startup). A comment is required on every highlighted row and wherever the consensus departs from the proposal; it becomes the consensus score&apos;s rationale and is kept in the history.</source>
        <translation>各评估人提交的级别。评估人之间相差 {k} 级或以上的行以高亮显示。共识级别起初取建议值：所给级别的中位数（若中间有两个级别，取对初创公司较不利的一个）。每一高亮行，以及共识偏离建议值之处，都须填写说明；说明将作为共识评分的理由，并记入历史。</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评估标准</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>分歧</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>共识</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Record consensus</source>
        <translation>记录共识</translation>
    </message>
    <message>
        <source>Record the consensus assessment; the round is then locked</source>
        <translation>记录共识评估；随后该轮次将被锁定</translation>
    </message>
    <message numerus="yes">
        <source>The assessors are %n level(s) apart</source>
        <extracomment>each criterion&apos;s name as the table shows it</extracomment>
        <translation>
            <numerusform>评估人之间相差 %n 级</numerusform>
        </translation>
    </message>
    <message>
        <source>Comment required</source>
        <translation>必须填写说明</translation>
    </message>
    <message>
        <source>Optional comment</source>
        <translation>说明（可选）</translation>
    </message>
    <message>
        <source>Comment still needed on: {criteria}</source>
        <translation>以下标准仍须填写说明：{criteria}</translation>
    </message>
    <message>
        <source>Every comment needed is given. Changed from the proposal: {n}.</source>
        <translation>所需说明均已填写。偏离建议值的标准：{n} 项。</translation>
    </message>
</context>
<context>
    <name>CriteriaPanel</name>
    <message>
        <source>(switched off)</source>
        <translation>（已关闭）</translation>
    </message>
</context>
<context>
    <name>CriterionEditor</name>
    <message>
        <source>benefit: a higher level is better for the startup</source>
        <extracomment>Lines the rationale and evidence boxes show before they scroll (they grow from one).</extracomment>
        <translation>收益型：级别越高对初创公司越有利</translation>
    </message>
    <message>
        <source>cost: a higher level means more pressure on the startup</source>
        <translation>成本型：级别越高，初创公司承受的压力越大</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Mark as not scored (key 0 or Delete)</source>
        <translation>标记为未评分（按 0 或 Delete 键）</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Why this level?</source>
        <translation>为什么是这个级别？</translation>
    </message>
    <message>
        <source>Document, data or link</source>
        <translation>文件、数据或链接</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Hover over or choose a level to read what it means.</source>
        <translation>将鼠标悬停在某个级别上或选择一个级别，即可查看其含义。</translation>
    </message>
    <message>
        <source>Level {n}</source>
        <translation>级别 {n}</translation>
    </message>
</context>
<context>
    <name>CriterionWeightsModel</name>
    <message>
        <source>Criterion</source>
        <translation>评估标准</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Relative weight inside the pillar; double-click to edit</source>
        <translation>支柱内的相对权重；双击编辑</translation>
    </message>
    <message>
        <source>In pillar</source>
        <translation>支柱内</translation>
    </message>
    <message>
        <source>Share of the pillar&apos;s score</source>
        <translation>占支柱得分的比例</translation>
    </message>
    <message>
        <source>Of total</source>
        <translation>占总分</translation>
    </message>
    <message>
        <source>Share of the overall score (0 when the pillar is off)</source>
        <translation>占总分的比例（支柱关闭时为 0）</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Take suggestion</source>
        <extracomment>Lines the rationale box shows before it scrolls (it grows from two up to these).</extracomment>
        <translation>采纳建议</translation>
    </message>
    <message>
        <source>Take the status the suggestion names, with a rationale saying why</source>
        <translation>采用建议对应的状态，并附上说明原因的理由</translation>
    </message>
    <message>
        <source>No decision yet</source>
        <translation>尚无决定</translation>
    </message>
    <message>
        <source>Choosing a status takes a new decision, dated today; the current one moves to the history</source>
        <translation>选择状态即作出一项新的决定（日期为今天）；当前决定移入历史记录</translation>
    </message>
    <message>
        <source>Who decided</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Rationale: why this decision?</source>
        <translation>理由：为何作此决定？</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Remove the current decision; the one before it is current again</source>
        <translation>删除当前决定；之前的决定重新成为当前决定</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Earlier decisions ({n})</source>
        <translation>以往的决定（{n}）</translation>
    </message>
    <message>
        <source>No decision taken yet.</source>
        <translation>尚未作出决定。</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>自 {date} 起</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>gated by {names}</source>
        <extracomment>How many earlier decisions the history shows before it says how many more there are. Longest run of characters without a space a label shows before it may wrap inside it. How much of an earlier decision&apos;s rationale the history shows (a longer one is cut after these many characters and ends with &quot;…&quot;), so the results below stay in reach.</extracomment>
        <translation>触发致命缺陷：{names}</translation>
    </message>
    <message>
        <source>overall {overall} ≥ {pursue}</source>
        <translation>总分 {overall} ≥ {pursue}</translation>
    </message>
    <message>
        <source>overall {overall} ≥ {watch}, below {pursue}</source>
        <translation>总分 {overall} ≥ {watch}，低于 {pursue}</translation>
    </message>
    <message>
        <source>overall {overall} &lt; {watch}</source>
        <translation>总分 {overall} &lt; {watch}</translation>
    </message>
    <message>
        <source>… and {n} earlier</source>
        <extracomment>The statuses that follow each suggestion: a startup already past diligence still follows &quot;pursue&quot;.</extracomment>
        <translation>…… 另有 {n} 条更早的决定</translation>
    </message>
    <message>
        <source>No suggestion yet: nothing is scored ({view}).</source>
        <translation>暂无建议：尚无评分（{view}）。</translation>
    </message>
    <message>
        <source>{view} suggests: {suggestion} ({reason})</source>
        <translation>{view}建议：{suggestion}（{reason}）</translation>
    </message>
    <message>
        <source>Framework suggestion ({view}): {suggestion} ({reason}).</source>
        <translation>框架建议（{view}）：{suggestion}（{reason}）。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>保存对 {name} 的更改？</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>如果不保存，您的更改将会丢失。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>{name} already exists in {folder}.
Do you want to replace it?</source>
        <translation>{name} 已存在于 {folder} 中。
要替换它吗？</translation>
    </message>
</context>
<context>
    <name>DiffPage</name>
    <message>
        <source>Two moments</source>
        <translation>两个时刻</translation>
    </message>
    <message>
        <source>Two assessments</source>
        <translation>两份评估</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>比较：</translation>
    </message>
    <message>
        <source>Choose a startup to compare.</source>
        <translation>请选择要比较的初创公司。</translation>
    </message>
    <message>
        <source>This startup needs two assessments to compare them.</source>
        <translation>这家初创公司需要有两份评估才能比较。</translation>
    </message>
    <message>
        <source>This portfolio is not kept in a workspace file, so it has no earlier moments; you can compare two assessments.</source>
        <translation>这个投资组合没有保存在工作区文件中，因此没有更早的时刻；可以比较两份评估。</translation>
    </message>
    <message>
        <source>The workspace holds nothing before it was created, on {when}: choose a later moment.</source>
        <translation>工作区创建于 {when}，此前没有任何记录：请选择更晚的时刻。</translation>
    </message>
</context>
<context>
    <name>DiffTree</name>
    <message>
        <source>Scores</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Scores under {perspective}</source>
        <translation>{perspective}下的得分</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>初创公司</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>did not exist</source>
        <translation>尚不存在</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>No level, confidence or rationale changed</source>
        <translation>级别、置信度和理由均无变化</translation>
    </message>
    <message>
        <source>Deal-breakers</source>
        <translation>致命缺陷</translation>
    </message>
    <message>
        <source>Postures</source>
        <translation>战略姿态</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>appeared</source>
        <translation>出现</translation>
    </message>
    <message>
        <source>vanished</source>
        <translation>消失</translation>
    </message>
    <message>
        <source>scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>no longer scored</source>
        <translation>不再评分</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>No assessment added, removed or changed</source>
        <translation>没有新增、删除或更改的评估</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The overall score of this assessment, before and after</source>
        <translation>这份评估之前与之后的总分</translation>
    </message>
    <message>
        <source>Assessor, role and date</source>
        <translation>评估人、角色和日期</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled</source>
        <extracomment>Changes after which a window reads the whole portfolio again rather than some startups. where every edit is written (``None``: a scratch portfolio kept in memory) the team workspace&apos;s server address (``None``: a file or a scratch portfolio) the JSON portfolio this document&apos;s workspace was converted from when opened a document that only shows (a portfolio as of a past day): edits are refused the perspective every ranking uses (:mod:`models.engine.perspectives`) rank startups with a deal-breaker among the others, by overall alone</extracomment>
        <translation>未命名</translation>
    </message>
    <message>
        <source>This is the portfolio as it stood in the past, which cannot be changed; switch off &quot;As of&quot; to edit the portfolio.</source>
        <translation>这是组合过去的状态，无法更改；请关闭“截至”后再编辑组合。</translation>
    </message>
    <message>
        <source>The change could not be made: {reason}</source>
        <translation>未能做此更改：{reason}</translation>
    </message>
    <message>
        <source>What this change edits was removed meanwhile, in another window or program; the change was not made.</source>
        <translation>此更改所编辑的内容已在另一个窗口或程序中被删除；未做更改。</translation>
    </message>
</context>
<context>
    <name>DraftRelease</name>
    <message>
        <source>Save framework as</source>
        <translation>框架另存为</translation>
    </message>
    <message>
        <source>Beachhead frameworks (*.json)</source>
        <translation>Beachhead 框架 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save the framework</source>
        <translation>无法保存框架</translation>
    </message>
    <message>
        <source>Save as {id} {version}</source>
        <translation>另存为 {id} {version}</translation>
    </message>
    <message>
        <source>{id} {version} instead of {old}</source>
        <translation>{id} {version}（原为 {old}）</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 以及另外 {n} 项</translation>
    </message>
    <message>
        <source>Use in Portfolio</source>
        <translation>在组合中使用</translation>
    </message>
    <message>
        <source>The portfolio&apos;s framework was changed after this editor opened:
{changes}

The edited framework does not hold these changes, so using it undoes them. Use it anyway?</source>
        <translation>此编辑器打开之后，组合的框架已被更改：
{changes}

所编辑的框架不包含这些更改，使用它将撤销这些更改。仍要使用吗？</translation>
    </message>
    <message>
        <source>The portfolio this editor was opened on has been closed, so the framework cannot be used in it. Save it as a file (Save As…), then load it into the open portfolio with Load framework….</source>
        <translation>打开此编辑器时所在的组合已被关闭，因此无法在其中使用该框架。请先将其保存为文件（另存为…），再通过“载入框架…”载入当前打开的组合。</translation>
    </message>
    <message>
        <source>Use {id} {version} in the portfolio</source>
        <translation>在组合中使用 {id} {version}</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>&amp;Copy</source>
        <extracomment>Marks an item view whose context menu this module gives (dynamic property). A number as the tables show it: a sign (the typographic minus too), digits, decimals, %.</extracomment>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected rows as a table that pastes into a spreadsheet, or the selected text</source>
        <translation>把选中的行复制为可粘贴到电子表格的表格，或复制选中的文字</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Type in the filter of the view on screen</source>
        <translation>在当前视图的筛选框中输入</translation>
    </message>
    <message>
        <source>Nothing to copy: select rows in a table or the list, or text in a field.</source>
        <translation>没有可复制的内容：请在表格或列表中选择行，或在文本框中选择文字。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s) with their column names.</source>
        <translation>
            <numerusform>已复制 %Ln 行及其列名。</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>初创公司</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nothing to find in: open a portfolio first.</source>
        <translation>没有可查找的内容：请先打开一个组合。</translation>
    </message>
    <message>
        <source>This view has no filter: Find works in Assess and Compare.</source>
        <translation>此视图没有筛选框：查找适用于评估和比较视图。</translation>
    </message>
    <message>
        <source>Add Startup…</source>
        <translation>添加初创公司…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制副本</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Show in Assess</source>
        <translation>在评估中显示</translation>
    </message>
</context>
<context>
    <name>FileJobs</name>
    <message>
        <source>&amp;Export Workbook…</source>
        <translation>导出工作簿(&amp;E)…</translation>
    </message>
    <message>
        <source>Write an Excel workbook with live formulas for people without Beachhead</source>
        <translation>为没有 Beachhead 的人写出带实时公式的 Excel 工作簿</translation>
    </message>
    <message>
        <source>&amp;Import Workbooks…</source>
        <translation>导入工作簿(&amp;I)…</translation>
    </message>
    <message>
        <source>Add founders&apos; filled templates or Beachhead workbooks to this portfolio</source>
        <translation>将创始人填写的模板或 Beachhead 工作簿添加到此组合</translation>
    </message>
    <message>
        <source>Export Re&amp;port…</source>
        <translation>导出报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;Founder Template…</source>
        <translation>导出创始人模板(&amp;F)…</translation>
    </message>
    <message>
        <source>Write a workbook founders fill in with their own scores, for this portfolio&apos;s framework and in the interface language; Import Workbooks reads it back</source>
        <translation>写出一个供创始人自行填写评分的工作簿，使用此组合的框架和界面语言；“导入工作簿”可将其读回</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting workbook…</source>
        <translation>正在导出工作簿…</translation>
    </message>
    <message>
        <source>{file} is a workspace, which an export never replaces. Choose another name.</source>
        <translation>{file} 是一个工作区，导出永远不会替换它。请换一个名称。</translation>
    </message>
    <message>
        <source>it is a link to {file}, which is not a {suffix} file. Choose another name.</source>
        <translation>它是指向 {file} 的链接，该文件不是 {suffix} 文件。请换一个名称。</translation>
    </message>
    <message>
        <source>the folder {folder} is read-only for you. Choose another folder.</source>
        <translation>文件夹 {folder} 对您是只读的。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist. Choose an existing folder.</source>
        <translation>文件夹 {folder} 不存在。请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Could not export to {file}: {reason}</source>
        <translation>无法导出到 {file}：{reason}</translation>
    </message>
    <message>
        <source>Some texts had to change to fit in a workbook:</source>
        <translation>部分文本为适应工作簿而作了修改：</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Cannot show the folder</source>
        <translation>无法显示文件夹</translation>
    </message>
    <message>
        <source>Export founder template</source>
        <translation>导出创始人模板</translation>
    </message>
    <message>
        <source>{portfolio} – founder template</source>
        <translation>{portfolio} – 创始人模板</translation>
    </message>
    <message>
        <source>Writing template…</source>
        <translation>正在写出模板…</translation>
    </message>
    <message>
        <source>Template written</source>
        <translation>模板已写出</translation>
    </message>
    <message>
        <source>Wrote the founder template to {file}. Founders fill in their scores; Import Workbooks reads it back.</source>
        <translation>已将创始人模板写入 {file}。创始人填写评分后，用“导入工作簿”读回。</translation>
    </message>
    <message>
        <source>The export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not export to {file}: Beachhead met an unexpected problem ({error}). Nothing was written. Try again; if it happens again, report it with the details below.</source>
        <translation>无法导出到 {file}：Beachhead 遇到了意外问题（{error}）。未写入任何内容。请重试；如果再次发生，请附上下方的详细信息报告此问题。</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>报告已写出</translation>
    </message>
    <message>
        <source>Wrote the report to {file}: {pages}.</source>
        <translation>已将报告写入 {file}：{pages}。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported {assessments} to {file}.</source>
        <translation>已将{assessments}导出到 {file}。</translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s)</source>
        <translation>
            <numerusform> %n 项评估</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote {name}</source>
        <translation>已写入 {name}</translation>
    </message>
    <message>
        <source>Workbook exported</source>
        <translation>工作簿已导出</translation>
    </message>
    <message>
        <source>Import workbooks</source>
        <translation>导入工作簿</translation>
    </message>
    <message>
        <source>Reading workbooks…</source>
        <translation>正在读取工作簿…</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 以及另外 {n} 项</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Beachhead</source>
        <translation>Beachhead</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>Write a PDF ranking the startups, with a page per startup: all of them, those selected, or the best under the perspective</source>
        <translation>写出 PDF：对初创公司排名，每家公司一页；可选全部、所选公司或当前视角下排名靠前的公司</translation>
    </message>
</context>
<context>
    <name>FrameworkEditor</name>
    <message>
        <source>Structure</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Write the framework to a file, as a new version or as a new framework</source>
        <translation>将框架写入文件，作为新版本或新框架</translation>
    </message>
    <message>
        <source>Use in Portfolio…</source>
        <translation>在组合中使用…</translation>
    </message>
    <message>
        <source>Move the portfolio to this framework, after a preview of what changes</source>
        <translation>预览变化后，将组合迁移到此框架</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): the framework cannot be saved or used until each is solved. Click one to go to its field.</source>
        <translation>
            <numerusform>%n 个问题：在全部解决之前，框架无法保存或使用。点击某个问题可转到其字段。</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>没有问题。</translation>
    </message>
    <message>
        <source>Framework Editor — {name} ({id} {version})</source>
        <translation>框架编辑器 — {name}（{id} {version}）</translation>
    </message>
    <message>
        <source>— unsaved changes</source>
        <translation>— 有未保存的更改</translation>
    </message>
    <message>
        <source>{field} (English)</source>
        <translation>{field}（英文）</translation>
    </message>
    <message>
        <source>{field} (Chinese)</source>
        <translation>{field}（中文）</translation>
    </message>
    <message>
        <source>Level {n}</source>
        <translation>第 {n} 级</translation>
    </message>
    <message>
        <source>Condition {n}</source>
        <translation>条件 {n}</translation>
    </message>
    <message>
        <source>Shift of {id}</source>
        <translation>{id} 的变动</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Switched on</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Close the framework editor</source>
        <translation>关闭框架编辑器</translation>
    </message>
    <message>
        <source>The changes to this framework are neither saved nor used in the portfolio. Close the editor and discard them?</source>
        <translation>对此框架的更改既未保存，也未在组合中使用。要关闭编辑器并放弃这些更改吗？</translation>
    </message>
</context>
<context>
    <name>FrameworkFiles</name>
    <message>
        <source>Save framework as</source>
        <translation>框架另存为</translation>
    </message>
    <message>
        <source>Cannot save the framework</source>
        <translation>无法保存框架</translation>
    </message>
    <message>
        <source>Some texts had to change to fit in a workbook:</source>
        <translation>部分文本为适应工作簿而作了修改：</translation>
    </message>
    <message>
        <source>Review workbook written</source>
        <translation>已写入审阅工作簿</translation>
    </message>
    <message>
        <source>Wrote the review workbook of {id} {version} to {file}: pillars, criteria, rubrics, rules and scenarios in words, each row with a Comments cell.</source>
        <translation>已将 {id} {version} 的审阅工作簿写入 {file}：以文字列出支柱、标准、评分说明、规则和情景，每行附有批注单元格。</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Cannot show the folder</source>
        <translation>无法显示文件夹</translation>
    </message>
    <message>
        <source>{file} is not a framework Beachhead can use, so nothing was changed:</source>
        <translation>{file} 不是 Beachhead 可用的框架，因此未作任何更改：</translation>
    </message>
    <message>
        <source>Shipped Frameworks</source>
        <translation>内置框架</translation>
    </message>
    <message>
        <source>Shipped frameworks: move this portfolio to a framework that comes with Beachhead, after a preview of what changes (undoable)</source>
        <translation>内置框架：将此投资组合迁移到 Beachhead 自带的框架，迁移前会预览变化（可撤销）</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 以及另外 {n} 项</translation>
    </message>
    <message>
        <source>Load framework</source>
        <translation>载入框架</translation>
    </message>
    <message>
        <source>Beachhead frameworks (*.json);;Review workbooks for partners (*.xlsx)</source>
        <translation>Beachhead 框架 (*.json);;供合伙人审阅的工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Beachhead frameworks (*.json);;All files (*)</source>
        <translation>Beachhead 框架 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot load the framework</source>
        <translation>无法载入框架</translation>
    </message>
</context>
<context>
    <name>FrameworkText</name>
    <message>
        <source>Overall</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>{name} (pillar)</source>
        <translation>{name}（支柱）</translation>
    </message>
    <message>
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <source>and</source>
        <translation>且</translation>
    </message>
    <message>
        <source>(no paraphrase in this framework)</source>
        <translation>（此框架中没有释义）</translation>
    </message>
    <message>
        <source>benefit: a higher level is better for the startup</source>
        <translation>收益型：级别越高对初创公司越有利</translation>
    </message>
    <message>
        <source>cost: a higher level is worse for the startup (its score is inverted)</source>
        <translation>成本型：级别越高对初创公司越不利（其得分被反转）</translation>
    </message>
    <message>
        <source>Weight {w} ({within} of the pillar, {total} of the overall score)</source>
        <translation>权重 {w}（占支柱的 {within}，占总分的 {total}）</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Shifted by scenarios</source>
        <translation>受情景影响</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What each level means</source>
        <translation>各级别的含义</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Pillar and overall values are scores from 0 to 100 (higher is better for the startup); criterion values are the levels 1–5 as scored.</source>
        <translation>支柱和总分为 0 到 100 的得分（越高对初创公司越有利）；评估标准的值为所评的 1–5 级。</translation>
    </message>
    <message>
        <source>None in this framework.</source>
        <translation>此框架中没有。</translation>
    </message>
    <message>
        <source>Fires when</source>
        <translation>触发条件</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>strategy</source>
        <translation>战略</translation>
    </message>
    <message>
        <source>deal-breaker</source>
        <translation>致命缺陷</translation>
    </message>
    <message>
        <source>Choose one as the active scenario above to see its effect everywhere.</source>
        <translation>在上方选择一个作为当前情景，即可在所有地方看到其影响。</translation>
    </message>
    <message>
        <source>better for the startup</source>
        <translation>对初创公司更有利</translation>
    </message>
    <message>
        <source>worse for the startup</source>
        <translation>对初创公司更不利</translation>
    </message>
</context>
<context>
    <name>FrameworkView</name>
    <message>
        <source>A market-level shift applied to every assessment at once, in every view; it changes no score in the file</source>
        <translation>同时作用于所有评估、在所有视图中生效的市场层面变化；它不会改变文件中的任何评分</translation>
    </message>
    <message>
        <source>Save framework as…</source>
        <translation>框架另存为…</translation>
    </message>
    <message>
        <source>Write this portfolio&apos;s framework, with its current weights, to a framework file, or to a review workbook for partners (.xlsx)</source>
        <translation>将本组合的框架（含当前权重）写入框架文件，或写入供合伙人审阅的工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>Load framework…</source>
        <translation>载入框架…</translation>
    </message>
    <message>
        <source>Replace this portfolio&apos;s framework with one from a file (undoable)</source>
        <translation>用文件中的框架替换此组合的框架（可撤销）</translation>
    </message>
    <message>
        <source>Edit Framework…</source>
        <translation>编辑框架…</translation>
    </message>
    <message>
        <source>Edit pillars, criteria, rubrics and rules of a copy of this framework in the framework editor</source>
        <translation>在框架编辑器中编辑此框架副本的支柱、标准、评分细则和规则</translation>
    </message>
    <message>
        <source>Active scenario</source>
        <translation>当前情景</translation>
    </message>
    <message>
        <source>Weights are relative: they are normalised on use, so only their ratios matter. Double-click a weight to change it; Undo takes a change back.</source>
        <translation>权重是相对的：使用时会归一化，因此只有它们的比例才重要。双击权重可修改；“撤销”可收回修改。</translation>
    </message>
    <message>
        <source>Pillars</source>
        <translation>支柱</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评估标准</translation>
    </message>
    <message>
        <source>Pairwise weights</source>
        <translation>成对比较权重</translation>
    </message>
    <message>
        <source>Postures</source>
        <translation>战略姿态</translation>
    </message>
    <message>
        <source>Deal-breakers</source>
        <translation>致命缺陷</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Framework id {id} · version {version}</source>
        <translation>框架 ID {id} · 版本 {version}</translation>
    </message>
    <message>
        <source>None (scores as entered)</source>
        <translation>无（按录入的评分）</translation>
    </message>
    <message>
        <source>Sum of the weights of the pillars switched on: {on} (all pillars: {all}).</source>
        <translation>已开启支柱的权重之和：{on}（全部支柱：{all}）。</translation>
    </message>
    <message>
        <source>Criteria of {pillar}</source>
        <translation>{pillar}的评估标准</translation>
    </message>
    <message>
        <source>(switched off)</source>
        <translation>（已关闭）</translation>
    </message>
    <message>
        <source>Sum of the criterion weights in {pillar}: {sum}.</source>
        <translation>{pillar}中评估标准权重之和：{sum}。</translation>
    </message>
    <message>
        <source>Change not made</source>
        <translation>未作更改</translation>
    </message>
</context>
<context>
    <name>GapsPanel</name>
    <message>
        <source>Add consensus as assessment</source>
        <translation>将共识添加为评估</translation>
    </message>
    <message>
        <source>The assessments the consensus and the flags are computed over</source>
        <translation>用于计算共识和标记的评估</translation>
    </message>
    <message>
        <source>Add the consensus to this startup as a new assessment (undoable)</source>
        <translation>将共识作为新评估添加到此初创公司（可撤销）</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>共识</translation>
    </message>
    <message>
        <source>Consensus of {n} of {total}</source>
        <translation>{total} 项中 {n} 项的共识</translation>
    </message>
    <message>
        <source>Choose a startup in the table above to compare its assessors.</source>
        <translation>在上方表格中选择一家初创公司，以比较其评估人。</translation>
    </message>
    <message>
        <source>a founder</source>
        <translation>创始人</translation>
    </message>
    <message>
        <source>an investor</source>
        <translation>投资人</translation>
    </message>
    <message>
        <source>{name}: no gaps to show, as it has no assessment by {missing}.</source>
        <translation>{name}：没有可显示的差距，因为它没有{missing}的评估。</translation>
    </message>
    <message>
        <source>{name}: founder {founder} ({fdate}) against investor {investor} ({idate}).</source>
        <translation>{name}：创始人 {founder}（{fdate}）对比投资人 {investor}（{idate}）。</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>未命名</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n criteria differ by two levels or more.</source>
        <translation>
            <numerusform>⚠ 有 %n 项评估标准相差两个级别或以上。</numerusform>
        </translation>
    </message>
    <message>
        <source>No founder–investor gaps to chart.</source>
        <translation>没有可绘制的创始人–投资人差距。</translation>
    </message>
    <message>
        <source>Investor level − founder level</source>
        <translation>投资人级别 − 创始人级别</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>assessors differ by 2 levels or more</source>
        <translation>评估人相差 2 个级别或以上</translation>
    </message>
</context>
<context>
    <name>GapsTableModel</name>
    <message>
        <source>Criterion</source>
        <translation>评估标准</translation>
    </message>
    <message>
        <source>Founder</source>
        <translation>创始人</translation>
    </message>
    <message>
        <source>Investor</source>
        <translation>投资人</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Investor level minus founder level</source>
        <translation>投资人级别减去创始人级别</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>分歧</translation>
    </message>
    <message>
        <source>Highest minus lowest level among the chosen assessors; ⚠ marks two levels or more</source>
        <translation>所选评估人中最高与最低级别之差；⚠ 表示相差两个级别或以上</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>共识</translation>
    </message>
    <message>
        <source>Median level of the chosen assessors (on an even count, the middle level less favourable to the startup)</source>
        <translation>所选评估人的级别中位数（人数为偶数时，取中间两级中对初创公司较不利的一级）</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Beachhead User Guide</source>
        <translation>Beachhead 用户指南</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>搜索指南</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>Beachhead &amp;User Guide</source>
        <translation>Beachhead 用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>The framework, how scores are computed, every view and the workbooks, offline</source>
        <translation>评估框架、分数如何计算、各个视图和工作簿，离线可读</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Welcome Page</source>
        <translation>欢迎页(&amp;W)</translation>
    </message>
    <message>
        <source>Open the sample, start or open a portfolio, or import founders&apos; workbooks</source>
        <translation>打开示例组合、新建或打开组合，或导入创始人工作簿</translation>
    </message>
    <message>
        <source>&amp;About Beachhead</source>
        <translation>关于 Beachhead(&amp;A)</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Choose a startup in the list on the left: its history shows here.</source>
        <translation>请在左侧列表中选择一家初创公司：它的历史会显示在这里。</translation>
    </message>
    <message>
        <source>No startups yet. Add one (Add, under the list) or import founders&apos; workbooks (File ▸ Import Workbooks…): each startup&apos;s history shows here from then on.</source>
        <translation>还没有初创公司。请添加一家（列表下方的“添加”），或导入创始人工作簿（文件 ▸ 导入工作簿…）：此后每家初创公司的历史都会显示在这里。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Every change to the startup</source>
        <extracomment>The widths of Who, Assessment, What, Before and After, in average characters (When fits its text, the comment takes the rest). One microsecond: the moment just before a change (each transaction has its own moment).</extracomment>
        <translation>这家初创公司的所有变更</translation>
    </message>
    <message>
        <source>Changes to the assessment shown</source>
        <translation>当前评估的变更</translation>
    </message>
    <message>
        <source>Filter by any text</source>
        <translation>按任意文字筛选</translation>
    </message>
    <message>
        <source>Show the changes one person made</source>
        <translation>只显示某一个人所做的变更</translation>
    </message>
    <message>
        <source>Show one kind of change</source>
        <translation>只显示某一类变更</translation>
    </message>
    <message>
        <source>Every kind of change</source>
        <translation>所有类型的变更</translation>
    </message>
    <message>
        <source>Levels and score texts</source>
        <translation>级别与评分文字</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Startup details</source>
        <translation>初创公司信息</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Independent scoring rounds</source>
        <translation>独立评分轮次</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <source>Compare before and after</source>
        <translation>比较前后</translation>
    </message>
    <message>
        <source>Show what changed from before the oldest selected change to after the newest one</source>
        <translation>显示从所选最早变更之前到最新变更之后的所有变化</translation>
    </message>
    <message>
        <source>This portfolio is not kept in a workspace file, so its changes are not recorded. Keep it in one with File ▸ Save a Copy… to record its history from then on.</source>
        <translation>这个投资组合没有保存在工作区文件中，因此不会记录变更。用“文件 ▸ 保存副本…”将其保存到工作区文件后，即开始记录历史。</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>No change recorded.</source>
        <translation>没有记录到变更。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln 项变更</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln change(s)</source>
        <translation>
            <numerusform>%Ln 项变更中的 {shown} 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>When</source>
        <extracomment>The kinds of change each choice of the &quot;what&quot; filter keeps.</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{who} (database role: {role})</source>
        <translation>{who}（数据库角色：{role}）</translation>
    </message>
</context>
<context>
    <name>HistoryTabs</name>
    <message>
        <source>Criteria</source>
        <translation>评估标准</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Every change to the startup: when, who, what, before and after</source>
        <translation>这家初创公司的每一项变更：时间、修改人、内容、之前与之后</translation>
    </message>
    <message>
        <source>What changed between two moments or two assessments</source>
        <translation>两个时刻或两份评估之间的变化</translation>
    </message>
    <message>
        <source>The startup&apos;s scores over time under the perspective</source>
        <translation>该视角下这家初创公司得分随时间的变化</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <source>&amp;Copy</source>
        <extracomment>Up to this many rows, rows grow to show a long problem whole (beyond, one line each and the whole text in the tooltip: measuring every row would slow the dialog down).</extracomment>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected rows, or all of them, as a table that pastes into a spreadsheet</source>
        <translation>把选中的行（未选中时为全部行）复制为可粘贴到电子表格的表格</translation>
    </message>
    <message>
        <source>&amp;Save as CSV…</source>
        <translation>另存为 CSV(&amp;S)…</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s) with their column names.</source>
        <translation>
            <numerusform>已复制 %Ln 行及其列名。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the problems as CSV</source>
        <translation>将问题另存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot save the problems</source>
        <translation>无法保存问题列表</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
</context>
<context>
    <name>ImportResults</name>
    <message>
        <source>{read}, {bad}; {problems}.</source>
        <translation>{read}，{bad}；{problems}。</translation>
    </message>
    <message numerus="yes">
        <source>%n workbook(s) read</source>
        <translation>
            <numerusform>已读取 %n 个工作簿</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with problems</source>
        <translation>
            <numerusform>其中 %n 个有问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>共 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported {assessments} from {workbooks}.</source>
        <translation>已从{workbooks}导入{assessments}。</translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s)</source>
        <translation>
            <numerusform> %n 项评估</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workbook(s)</source>
        <translation>
            <numerusform> %n 个工作簿</numerusform>
        </translation>
    </message>
    <message>
        <source>Workbooks imported</source>
        <translation>工作簿已导入</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) worth a look:</source>
        <translation>
            <numerusform>有 %n 处值得查看：</numerusform>
        </translation>
    </message>
    <message>
        <source>The import of {workbooks} into {name} ended after {other} was opened: nothing was imported into {other}. Open the portfolio they belong to and import them again.</source>
        <translation>将{workbooks}导入 {name} 的操作在 {other} 打开后才结束：没有向 {other} 导入任何内容。请打开这些工作簿所属的组合，再导入一次。</translation>
    </message>
    <message>
        <source>The import of {workbooks} into {name} ended after {name} was closed: nothing was imported. Open the portfolio they belong to and import them again.</source>
        <translation>将{workbooks}导入 {name} 的操作在 {name} 关闭后才结束：未导入任何内容。请打开这些工作簿所属的组合，再导入一次。</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <source>Nothing was imported: fix the problems and import the workbooks again.</source>
        <translation>未导入任何内容：请修正这些问题后重新导入工作簿。</translation>
    </message>
    <message>
        <source>Some workbooks have problems</source>
        <translation>部分工作簿有问题</translation>
    </message>
    <message numerus="yes">
        <source>Import the %n good workbook(s) and leave the others out?</source>
        <translation>
            <numerusform>是否导入 %n 个没有问题的工作簿并略过其他工作簿？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Import the Good Ones</source>
        <translation>导入没有问题的工作簿(&amp;I)</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 以及另外 {n} 项</translation>
    </message>
    <message>
        <source>The import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>The import stopped before it ended: {reason} Nothing was imported. Try again, or import fewer workbooks at a time to find the one at fault. It was reading these workbooks:
{files}</source>
        <translation>导入在完成前中止：{reason} 未导入任何内容。请重试，或每次导入较少的工作簿以找出有问题的那一个。当时正在读取以下工作簿：
{files}</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Choose a pillar or a criterion on the left.</source>
        <translation>请在左侧选择一个支柱或标准。</translation>
    </message>
    <message>
        <source>Benefit (a higher level is better for the startup)</source>
        <translation>收益（级别越高对初创公司越有利）</translation>
    </message>
    <message>
        <source>Cost (a higher level is worse for the startup)</source>
        <translation>成本（级别越高对初创公司越不利）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>Switched on (counts in the overall score)</source>
        <translation>启用（计入总分）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Level {n}</source>
        <translation>第 {n} 级</translation>
    </message>
    <message>
        <source>Pillar</source>
        <translation>支柱</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>the description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>the question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>the direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>the weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>the switch</source>
        <translation>启用状态</translation>
    </message>
    <message>
        <source>the cited paragraphs</source>
        <translation>引用段落</translation>
    </message>
    <message>
        <source>rubric level {n}</source>
        <translation>评分细则第 {n} 级</translation>
    </message>
    <message>
        <source>Edit {what} of {name}</source>
        <translation>编辑 {name} 的{what}</translation>
    </message>
</context>
<context>
    <name>JudgementDelegate</name>
    <message>
        <source>the column item is {what}</source>
        <translation>列项目{what}</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty portfolio</source>
        <translation>新建空白组合</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a portfolio</source>
        <translation>打开组合</translation>
    </message>
    <message>
        <source>Open &amp;Team Workspace…</source>
        <translation>打开团队工作区(&amp;T)…</translation>
    </message>
    <message>
        <source>Open a portfolio shared on a PostgreSQL server</source>
        <translation>打开共享在 PostgreSQL 服务器上的投资组合</translation>
    </message>
    <message>
        <source>Save a Cop&amp;y…</source>
        <translation>保存副本(&amp;Y)…</translation>
    </message>
    <message>
        <source>Write a copy of this portfolio to another file</source>
        <translation>将此组合的副本写入另一个文件</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close this portfolio and leave the window open</source>
        <translation>关闭此组合，窗口保持打开</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>Your name and role, the language, the perspective, the analysis&apos;s draws and seed</source>
        <translation>您的姓名和角色、语言、视角，以及分析的抽样次数和种子</translation>
    </message>
    <message>
        <source>&amp;Next Unscored Criterion</source>
        <translation>下一个未评分标准(&amp;N)</translation>
    </message>
    <message>
        <source>Go to the next criterion of the assessment shown that is not scored yet</source>
        <translation>转到当前评估中下一个尚未评分的标准</translation>
    </message>
    <message>
        <source>&amp;Assess</source>
        <translation>评估(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Framework</source>
        <translation>框架(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Perspective</source>
        <translation>视角(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Closed {name}.</source>
        <translation>已关闭 {name}。</translation>
    </message>
    <message>
        <source>Every criterion of this assessment is scored.</source>
        <translation>此评估的所有标准均已评分。</translation>
    </message>
    <message>
        <source>Choose a startup and an assessment to score first.</source>
        <translation>请先选择一家初创公司及其评估再评分。</translation>
    </message>
    <message>
        <source>Nothing to save: every change is written to {name} as you make it.</source>
        <translation>无需保存：每项更改在您做出时都已写入 {name}。</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Tools</source>
        <extracomment>The key of Edit ▸ Next Unscored Criterion (the Assess view&apos;s button names it too).</extracomment>
        <translation>工具</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Assess</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <source>Beachhead</source>
        <translation>Beachhead</translation>
    </message>
    <message>
        <source>Change not made</source>
        <translation>未做更改</translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>离线 — 正在重新连接…</translation>
    </message>
    <message>
        <source>{name} cannot be reached ({reason}). What is on screen stays readable; changes are refused until the server answers again, which Beachhead checks by itself.</source>
        <translation>无法连接 {name}（{reason}）。屏幕上的内容仍可阅读；在服务器再次响应之前不能做任何更改，Beachhead 会自动检测。</translation>
    </message>
    <message>
        <source>{name} answers again: its changes are shown.</source>
        <translation>{name} 已重新响应：其间的更改已显示。</translation>
    </message>
    <message>
        <source>{name}[*] — Beachhead</source>
        <translation>{name}[*] — Beachhead</translation>
    </message>
    <message numerus="yes">
        <source>%Ln startup(s)</source>
        <translation>
            <numerusform>%Ln 家初创公司</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln assessment(s)</source>
        <translation>
            <numerusform>%Ln 项评估</numerusform>
        </translation>
    </message>
    <message>
        <source>scenario: {name}</source>
        <translation>情景：{name}</translation>
    </message>
    <message>
        <source>framework {id} {version}</source>
        <translation>框架 {id} {version}</translation>
    </message>
</context>
<context>
    <name>MapMenu</name>
    <message>
        <source>Open in Assess</source>
        <extracomment>The image formats Save Image As… writes, by file suffix.</extracomment>
        <translation>在评估中打开</translation>
    </message>
    <message>
        <source>Open in Assess (deleted since)</source>
        <translation>在评估中打开（此后已删除）</translation>
    </message>
    <message>
        <source>Select in Table</source>
        <translation>在表格中选中</translation>
    </message>
    <message>
        <source>Copy Name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation>复制图像</translation>
    </message>
    <message>
        <source>Save Image As…</source>
        <translation>图像另存为…</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <source>Name the Top {n}</source>
        <translation>标注前 {n} 名</translation>
    </message>
    <message>
        <source>Save map image</source>
        <translation>保存定位图图像</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>Cannot save the map image</source>
        <translation>无法保存定位图图像</translation>
    </message>
</context>
<context>
    <name>MigrationDialog</name>
    <message>
        <source>Migrate to another framework</source>
        <extracomment>The role the startups table sorts by (numbers sort as numbers, unscored last).</extracomment>
        <translation>迁移到另一个框架</translation>
    </message>
    <message>
        <source>This portfolio already uses exactly this framework.</source>
        <translation>本组合已在使用完全相同的框架。</translation>
    </message>
    <message>
        <source>Criteria and pillars that change</source>
        <translation>发生变化的标准和支柱</translation>
    </message>
    <message>
        <source>What changed, in words</source>
        <translation>变更说明</translation>
    </message>
    <message>
        <source>Startups before and after ({view})</source>
        <translation>迁移前后的初创公司（{view}）</translation>
    </message>
    <message>
        <source>Migrate</source>
        <translation>迁移</translation>
    </message>
    <message>
        <source>Move this portfolio from {old} to {new}. Nothing changes until you choose Migrate; Edit ▸ Undo takes the whole migration back.</source>
        <translation>将本组合从 {old} 迁移到 {new}。在您选择“迁移”之前不会有任何改动；“编辑 ▸ 撤销”可撤回整个迁移。</translation>
    </message>
    <message numerus="yes">
        <source>%n criterion(s) kept</source>
        <translation>
            <numerusform>保留 %n 项标准</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n renamed (scores kept)</source>
        <translation>
            <numerusform>%n 项改名（评分保留）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>删除 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added (unscored)</source>
        <translation>
            <numerusform>新增 %n 项（未评分）</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln score(s) of removed criteria leave the current assessments: they are no longer counted, the history keeps them, and Undo puts them back.</source>
        <translation>
            <numerusform>被删除标准的 %Ln 个评分将移出当前评估：不再计入得分，历史记录中仍保留，撤销可将其恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pillar renamed</source>
        <translation>支柱改名</translation>
    </message>
    <message>
        <source>Pillar removed</source>
        <translation>支柱删除</translation>
    </message>
    <message>
        <source>Pillar added</source>
        <translation>支柱新增</translation>
    </message>
    <message>
        <source>Renamed (scores kept)</source>
        <translation>改名（评分保留）</translation>
    </message>
    <message>
        <source>Removed (scores leave the assessments)</source>
        <translation>删除（评分移出评估）</translation>
    </message>
    <message>
        <source>Added (unscored)</source>
        <translation>新增（未评分）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Pillar</source>
        <translation>支柱</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分数</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>初创公司</translation>
    </message>
    <message>
        <source>Scored under</source>
        <translation>评分所用版本</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>迁移前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>迁移后</translation>
    </message>
    <message>
        <source>Rank before</source>
        <translation>迁移前排名</translation>
    </message>
    <message>
        <source>Rank after</source>
        <translation>迁移后排名</translation>
    </message>
    <message>
        <source>Complete before</source>
        <translation>迁移前完整度</translation>
    </message>
    <message>
        <source>Complete after</source>
        <translation>迁移后完整度</translation>
    </message>
</context>
<context>
    <name>MomentChooser</name>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>At the date and time:</source>
        <translation>指定日期和时间：</translation>
    </message>
    <message>
        <source>After {when} · {who} · {what}</source>
        <translation>{when} · {who} · {what} 之后</translation>
    </message>
    <message>
        <source>When the workspace was created ({when})</source>
        <translation>工作区创建时（{when}）</translation>
    </message>
    <message>
        <source>Taking in changes made in another window or program…</source>
        <extracomment>What taking changes back on the window&apos;s portfolio raises when the workspace&apos;s log holds changes another window or program wrote that the window has not taken in yet (it does within a second or two, then tells the tabs to try again with ``historyChanged``).</extracomment>
        <translation>正在载入其他窗口或程序所做的变更…</translation>
    </message>
</context>
<context>
    <name>NextStep</name>
    <message>
        <source>{name} has no assessment yet. Start one to score it criterion by criterion.</source>
        <translation>{name} 还没有评估。新建一份评估，逐项为各标准评分。</translation>
    </message>
    <message>
        <source>New Assessment</source>
        <translation>新建评估</translation>
    </message>
    <message>
        <source>Choose a startup in the list to score it.</source>
        <translation>请在列表中选择一家初创公司来评分。</translation>
    </message>
    <message>
        <source>No startups yet. Add one, or import the workbooks founders filled in: each becomes a startup with its scores.</source>
        <translation>还没有初创公司。请添加一家，或导入创始人填写的工作簿：每份工作簿都会成为一家带评分的初创公司。</translation>
    </message>
    <message>
        <source>Add Startup…</source>
        <translation>添加初创公司…</translation>
    </message>
    <message>
        <source>Import Founders&apos; Workbooks…</source>
        <translation>导入创始人工作簿…</translation>
    </message>
</context>
<context>
    <name>OpeningLine</name>
    <message>
        <source>Opening {name}: reading the portfolio…</source>
        <translation>正在打开 {name}：读取组合…</translation>
    </message>
    <message numerus="yes">
        <source>Opening {name}: scoring %Ln startup(s)…</source>
        <translation>
            <numerusform>正在打开 {name}：为 %Ln 家初创公司评分…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opening {name}: ranking %Ln startup(s)…</source>
        <translation>
            <numerusform>正在打开 {name}：为 %Ln 家初创公司排名…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairwiseEditor</name>
    <message>
        <source>equally important</source>
        <translation>同等重要</translation>
    </message>
    <message>
        <source>equally to moderately more important</source>
        <translation>同等至稍微更重要</translation>
    </message>
    <message>
        <source>moderately more important</source>
        <translation>稍微更重要</translation>
    </message>
    <message>
        <source>moderately to strongly more important</source>
        <translation>稍微至明显更重要</translation>
    </message>
    <message>
        <source>strongly more important</source>
        <translation>明显更重要</translation>
    </message>
    <message>
        <source>strongly to very strongly more important</source>
        <translation>明显至非常更重要</translation>
    </message>
    <message>
        <source>very strongly more important</source>
        <translation>非常更重要</translation>
    </message>
    <message>
        <source>very to extremely more important</source>
        <translation>非常至极端更重要</translation>
    </message>
    <message>
        <source>extremely more important</source>
        <translation>极端更重要</translation>
    </message>
    <message>
        <source>Each cell says how much more important the row item is than the column item: 1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely (1/3 … 1/9: the column item is). Cells below the diagonal mirror those above.</source>
        <translation>每个单元格表示行项目比列项目重要多少：1 同等，3 稍微，5 明显，7 非常，9 极端（1/3 … 1/9：列项目更重要）。对角线以下的单元格与上方对称。</translation>
    </message>
    <message>
        <source>Apply these weights</source>
        <translation>应用这些权重</translation>
    </message>
    <message>
        <source>Start from the current weights</source>
        <translation>从当前权重开始</translation>
    </message>
    <message>
        <source>Pairwise comparison needs at least two items.</source>
        <translation>成对比较至少需要两个项目。</translation>
    </message>
    <message>
        <source>Consistency ratio: 0 (two items are always consistent).</source>
        <translation>一致性比率：0（两个项目总是一致的）。</translation>
    </message>
    <message>
        <source>acceptable</source>
        <translation>可接受</translation>
    </message>
    <message>
        <source>too inconsistent</source>
        <translation>过于不一致</translation>
    </message>
    <message>
        <source>Consistency ratio &lt;b style=&apos;color:{colour}&apos;&gt;{cr}&lt;/b&gt; ({verdict}; Saaty accepts up to {limit}).</source>
        <translation>一致性比率 &lt;b style=&apos;color:{colour}&apos;&gt;{cr}&lt;/b&gt;（{verdict}；Saaty 可接受的上限为 {limit}）。</translation>
    </message>
</context>
<context>
    <name>PairwiseMatrixModel</name>
    <message>
        <source>AHP
weight</source>
        <translation>AHP
权重</translation>
    </message>
    <message>
        <source>Current
weight</source>
        <translation>当前
权重</translation>
    </message>
    <message>
        <source>Compared with ({k}) {name}</source>
        <translation>与 ({k}) {name} 比较</translation>
    </message>
    <message>
        <source>The weight these judgements give (principal eigenvector), as a share</source>
        <translation>这些判断给出的权重（主特征向量），以比例表示</translation>
    </message>
    <message>
        <source>The current weight, as a share</source>
        <translation>当前权重，以比例表示</translation>
    </message>
    <message>
        <source>({a}) {row} against ({b}) {col}: {value}</source>
        <translation>({a}) {row} 对 ({b}) {col}：{value}</translation>
    </message>
</context>
<context>
    <name>PairwisePanel</name>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Pillars (switched on)</source>
        <translation>支柱（已开启）</translation>
    </message>
    <message>
        <source>Criteria of {pillar}</source>
        <translation>{pillar}的评估标准</translation>
    </message>
</context>
<context>
    <name>Perspective</name>
    <message>
        <source>Assessor: {name}</source>
        <extracomment>The perspectives offered before any assessor&apos;s name. Widest the perspective choice grows, in average characters (a long assessor&apos;s name is cut there, and shown whole in the list it opens and in its tooltip).</extracomment>
        <translation>评估人：{name}</translation>
    </message>
    <message>
        <source>Investor view</source>
        <translation>投资人视角</translation>
    </message>
    <message>
        <source>Founder view</source>
        <translation>创始人视角</translation>
    </message>
    <message>
        <source>Latest assessment</source>
        <translation>最新评估</translation>
    </message>
    <message>
        <source>The latest assessment by {name}.</source>
        <translation>{name} 的最新评估。</translation>
    </message>
    <message>
        <source>Per criterion, the median of each investor&apos;s latest assessment (the less favourable middle level on an even count).</source>
        <translation>每项标准取每位投资人最新评估的中位数（人数为偶数时取两个中间等级中较不利的一个）。</translation>
    </message>
    <message>
        <source>The latest founder assessment.</source>
        <translation>最新的创始人评估。</translation>
    </message>
    <message>
        <source>The latest assessment, whoever made it.</source>
        <translation>最新的评估，不论评估人是谁。</translation>
    </message>
</context>
<context>
    <name>PerspectiveBar</name>
    <message>
        <source>Perspective</source>
        <translation>视角</translation>
    </message>
    <message>
        <source>Rank ignoring deal-breakers</source>
        <translation>排名时忽略致命缺陷</translation>
    </message>
    <message>
        <source>Rank startups with a deal-breaker by their overall score among the others (they stay marked); otherwise they rank after every startup without one</source>
        <translation>触发致命缺陷的初创公司与其他公司一起按总分排名（仍有标记）；否则排在所有未触发的公司之后</translation>
    </message>
</context>
<context>
    <name>PillarWeightsModel</name>
    <message>
        <source>Pillar</source>
        <translation>支柱</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>A switched-off pillar takes no part in the overall score</source>
        <translation>已关闭的支柱不计入总分</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Relative weight; double-click to edit</source>
        <translation>相对权重；双击编辑</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Share of the overall score: the weight divided by the sum of the weights of the pillars switched on</source>
        <translation>占总分的比例：该权重除以已开启支柱的权重之和</translation>
    </message>
    <message>
        <source>Switched on</source>
        <translation>已开启</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>“{name}” is the only pillar switched on. At least one pillar must count towards the overall score; switch another one on first.</source>
        <translation>“{name}”是唯一开启的支柱。至少要有一个支柱计入总分；请先开启另一个支柱。</translation>
    </message>
</context>
<context>
    <name>PortfolioFiles</name>
    <message>
        <source>Open portfolio</source>
        <translation>打开组合</translation>
    </message>
    <message>
        <source>Beachhead portfolios (*.beachhead)</source>
        <translation>Beachhead 组合 (*.beachhead)</translation>
    </message>
    <message>
        <source>New portfolio</source>
        <translation>新建组合</translation>
    </message>
    <message>
        <source>Cannot open portfolio</source>
        <translation>无法打开组合</translation>
    </message>
    <message>
        <source>{old} is an older portfolio file: it was converted into {new} beside it, which keeps every change as you make it ({old} is unchanged).</source>
        <translation>{old} 是旧格式的组合文件：已在其旁边转换为 {new}，它会在您做出每项更改时保存（{old} 未被改动）。</translation>
    </message>
    <message>
        <source>(Beachhead never asks for a password: keep it in ~/.pgpass or a service file.)</source>
        <translation>（Beachhead 从不询问密码：请将密码保存在 ~/.pgpass 或服务文件中。）</translation>
    </message>
    <message>
        <source>Cannot open the team workspace</source>
        <translation>无法打开团队工作区</translation>
    </message>
    <message>
        <source>{name} could not be opened: {reason}</source>
        <translation>无法打开 {name}：{reason}</translation>
    </message>
    <message>
        <source>Keep a copy of the sample</source>
        <translation>保存示例组合的副本</translation>
    </message>
    <message>
        <source>Beachhead sample</source>
        <translation>Beachhead 示例</translation>
    </message>
    <message>
        <source>{name} is your own copy of the sample: change anything in it. File ▸ New starts a portfolio of your own.</source>
        <translation>{name} 是您自己的示例组合副本：可以随意修改。文件 ▸ 新建 可开始您自己的组合。</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <source>Cannot save a copy</source>
        <translation>无法保存副本</translation>
    </message>
    <message>
        <source>Saved a copy as {name}</source>
        <translation>已将副本保存为 {name}</translation>
    </message>
    <message>
        <source>Copy saved</source>
        <translation>副本已保存</translation>
    </message>
    <message>
        <source>Saved a copy of {name} as {file}. This window stays on {name}.</source>
        <translation>已将 {name} 的副本保存为 {file}。此窗口仍显示 {name}。</translation>
    </message>
    <message>
        <source>Cannot create the portfolio</source>
        <translation>无法创建组合</translation>
    </message>
</context>
<context>
    <name>PositionMap</name>
    <message>
        <source>Horizontal axis</source>
        <extracomment>How many of the best ranked startups shown are named on the map (besides the selection). The map&apos;s least height (pixels at scale 1): room for the axes in a 1024×640 window.</extracomment>
        <translation>横轴</translation>
    </message>
    <message>
        <source>Vertical axis</source>
        <translation>纵轴</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>{name} (switched off)</source>
        <translation>{name}（已关闭）</translation>
    </message>
    <message>
        <source>Gated by a deal-breaker</source>
        <translation>触发致命缺陷</translation>
    </message>
    <message>
        <source>No deal-breaker</source>
        <translation>无致命缺陷</translation>
    </message>
    <message>
        <source>Overall score (100 = best for the startup)</source>
        <translation>总分（100 = 对初创公司最有利）</translation>
    </message>
    <message>
        <source>{name} (100 = least, best for the startup)</source>
        <translation>{name}（100 = 最少，对初创公司最有利）</translation>
    </message>
    <message>
        <source>{name} (100 = best for the startup)</source>
        <translation>{name}（100 = 对初创公司最有利）</translation>
    </message>
    <message>
        <source>overall</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Little pressure, easy to copy</source>
        <translation>压力小，易被复制</translation>
    </message>
    <message>
        <source>Beachhead: hard to copy, little pressure</source>
        <translation>滩头阵地：难以复制，压力小</translation>
    </message>
    <message>
        <source>Exposed: easy to copy, under pressure</source>
        <translation>暴露：易被复制，承受压力</translation>
    </message>
    <message>
        <source>Hard to copy, under pressure</source>
        <translation>难以复制，承受压力</translation>
    </message>
    <message>
        <source>Strong on {y} only</source>
        <translation>仅在{y}上表现强</translation>
    </message>
    <message>
        <source>Strong on both</source>
        <translation>两者皆强</translation>
    </message>
    <message>
        <source>Weak on both</source>
        <translation>两者皆弱</translation>
    </message>
    <message>
        <source>Strong on {x} only</source>
        <translation>仅在{x}上表现强</translation>
    </message>
    <message>
        <source>One dot per startup, darker where many overlap.</source>
        <translation>每家初创公司一个点，重叠越多颜色越深。</translation>
    </message>
    <message>
        <source>One bubble per startup; size: overall score.</source>
        <translation>每家初创公司一个气泡；大小：总分。</translation>
    </message>
    <message>
        <source>Named: the selection and the top {n}.</source>
        <translation>标注名称：所选公司和排名前 {n} 的公司。</translation>
    </message>
    <message>
        <source>Named: the selection.</source>
        <translation>标注名称：所选公司。</translation>
    </message>
    <message>
        <source>Click, or drag a rectangle, to select (Ctrl adds); right-click for more.</source>
        <translation>单击或拖出矩形以选择（按住 Ctrl 追加）；右键单击查看更多操作。</translation>
    </message>
    <message>
        <source>{n} not shown: unscored on an axis.</source>
        <translation>{n} 项未显示：某一坐标轴未评分。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <source>Your login name, {user}</source>
        <translation>您的登录名 {user}</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <source>Founder&apos;s first, then investor</source>
        <translation>先创始人，再投资人</translation>
    </message>
    <message>
        <source>Founder</source>
        <translation>创始人</translation>
    </message>
    <message>
        <source>Investor</source>
        <translation>投资人</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Role of new assessments:</source>
        <translation>新评估的角色：</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Your name is the assessor of the assessments you start, and the name your changes are recorded under in a workspace&apos;s history.</source>
        <translation>您的姓名是您新建的评估的评估人，也是工作区历史中记录您的更改时所用的名字。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Rank portfolios under:</source>
        <translation>组合排名视角：</translation>
    </message>
    <message>
        <source>Each portfolio opens under this perspective; choosing another in the tool bar makes it the one portfolios open under.</source>
        <translation>每个组合打开时使用此视角；在工具栏中选择其他视角，会使它成为组合打开时使用的视角。</translation>
    </message>
    <message>
        <source>Monte Carlo analysis</source>
        <translation>蒙特卡洛分析</translation>
    </message>
    <message>
        <source>Draws:</source>
        <translation>抽样次数：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Where the Uncertainty tab and an exported workbook&apos;s P10–P90 and Analysis sheet start. The same seed gives the same figures.</source>
        <translation>&quot;不确定性&quot;标签页以及导出工作簿的 P10–P90 和&quot;分析&quot;工作表的起始设置。相同的种子给出相同的数字。</translation>
    </message>
</context>
<context>
    <name>ProblemsTableModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ProcessJob</name>
    <message>
        <source>The background task stopped unexpectedly (exit code {code}).</source>
        <translation>后台任务意外停止（退出码 {code}）。</translation>
    </message>
</context>
<context>
    <name>RankBandChart</name>
    <message>
        <source>No figures yet.</source>
        <extracomment>Most startups the band chart shows (the table&apos;s first; the selected one always).</extracomment>
        <translation>尚无结果。</translation>
    </message>
    <message>
        <source>No startup with a score.</source>
        <translation>没有已评分的初创公司。</translation>
    </message>
    <message>
        <source>Overall score: P10–P90 band, dot = P50</source>
        <translation>总分：P10–P90 区间，圆点 = P50</translation>
    </message>
    <message>
        <source>P10–P90</source>
        <translation>P10–P90</translation>
    </message>
    <message>
        <source>P50</source>
        <translation>P50</translation>
    </message>
    <message>
        <source>as scored</source>
        <translation>按所评</translation>
    </message>
    <message>
        <source>Out of date</source>
        <translation>已过时</translation>
    </message>
    <message>
        <source>{shown} of {total}, in the table&apos;s order</source>
        <translation>{total} 项中的 {shown} 项，按表格顺序</translation>
    </message>
</context>
<context>
    <name>RankChangeModel</name>
    <message>
        <source>Startup</source>
        <translation>初创公司</translation>
    </message>
    <message>
        <source>Rank now</source>
        <translation>当前排名</translation>
    </message>
    <message>
        <source>With scenario</source>
        <translation>情景下排名</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Exposure rules that hold</source>
        <translation>成立的暴露规则</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <source>Export report</source>
        <extracomment>The scopes of a report. How many selected names the dialog spells out before it says how many more there are. The top N offered first.</extracomment>
        <translation>导出报告</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln startup(s)</source>
        <translation>
            <numerusform>全部 %Ln 家初创公司</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln selected startup(s)</source>
        <translation>
            <numerusform>所选的 %Ln 家初创公司</numerusform>
        </translation>
    </message>
    <message>
        <source>The best</source>
        <translation>排名前</translation>
    </message>
    <message>
        <source>Gated startups rank among the others, by overall score.</source>
        <translation>触发致命缺陷的公司与其他公司一起按总分排序。</translation>
    </message>
    <message>
        <source>Startups with a triggered deal-breaker rank after the others.</source>
        <translation>触发致命缺陷的公司排在其他公司之后。</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>等另外 {n} 家</translation>
    </message>
    <message>
        <source>Select startups in the Assess list (Ctrl+click for several) or in the Compare table first.</source>
        <translation>请先在“评估”列表（按住 Ctrl 单击可多选）或“比较”表格中选择初创公司。</translation>
    </message>
    <message>
        <source>Which startups should the report cover?</source>
        <translation>报告应包含哪些初创公司？</translation>
    </message>
    <message>
        <source>under the perspective</source>
        <translation>家（按当前视角）</translation>
    </message>
    <message>
        <source>Perspective: {view}. {gates}</source>
        <translation>视角：{view}。{gates}</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Overall score</source>
        <extracomment>The radar&apos;s height in pixels (fixed: see :meth:`ResultsPanel.enable_radar`).</extracomment>
        <translation>总分</translation>
    </message>
    <message>
        <source>Pillars</source>
        <translation>支柱</translation>
    </message>
    <message>
        <source>Deal-breakers</source>
        <translation>致命缺陷</translation>
    </message>
    <message>
        <source>Postures</source>
        <translation>战略姿态</translation>
    </message>
    <message>
        <source>What would raise the score most</source>
        <translation>最能提高得分的改变</translation>
    </message>
    <message>
        <source>Choose or add a startup to see results.</source>
        <translation>选择或添加一家初创公司以查看结果。</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Completeness: {pct}</source>
        <translation>完整度：{pct}</translation>
    </message>
    <message>
        <source>Scenario applied: {name}</source>
        <translation>已应用情景：{name}</translation>
    </message>
    <message>
        <source>None triggered.</source>
        <translation>未触发。</translation>
    </message>
    <message>
        <source>No posture fits yet.</source>
        <translation>暂无适用的战略姿态。</translation>
    </message>
    <message>
        <source>Nothing left to improve.</source>
        <translation>已无可改进之处。</translation>
    </message>
    <message>
        <source>Score criteria first to see what would raise the score.</source>
        <translation>请先为评估标准打分，才能看到哪些改进最能提高总分。</translation>
    </message>
    <message>
        <source>Needs {condition}</source>
        <translation>需要 {condition}</translation>
    </message>
    <message>
        <source>Fixes deal-breaker {name}</source>
        <translation>可解除致命缺陷“{name}”</translation>
    </message>
    <message>
        <source>because</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>ResultsTableModel</name>
    <message>
        <source>founder</source>
        <translation>创始人</translation>
    </message>
    <message>
        <source>investor</source>
        <translation>投资人</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>初创公司</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>评估人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Founder, investor or other</source>
        <translation>创始人、投资人或其他</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Date of the assessment</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Overall score, 0–100: the pillar-weighted mean of the pillar scores</source>
        <translation>总分，0–100：各支柱得分按支柱权重的加权平均</translation>
    </message>
    <message>
        <source>{name}: score 0–100, higher means less of it, which is better for the startup</source>
        <translation>{name}：得分 0–100，越高表示该项越少，对初创公司越有利</translation>
    </message>
    <message>
        <source>{name}: score 0–100, higher is better for the startup</source>
        <translation>{name}：得分 0–100，越高对初创公司越有利</translation>
    </message>
    <message>
        <source>This pillar is switched off and takes no part in the overall.</source>
        <translation>此支柱已关闭，不计入总分。</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>Completeness: the share of the total weight that is scored; below 100% the result is partial</source>
        <translation>完整度：已评分部分占总权重的比例；低于 100% 时结果为部分结果</translation>
    </message>
    <message>
        <source>Deal-breakers</source>
        <translation>致命缺陷</translation>
    </message>
    <message>
        <source>Fatal weaknesses triggered (hover a cell for the reasons)</source>
        <translation>触发的致命弱点（悬停单元格查看原因）</translation>
    </message>
    <message>
        <source>Postures</source>
        <translation>战略姿态</translation>
    </message>
    <message>
        <source>Strategic postures that fit (hover a cell for the reasons)</source>
        <translation>适用的战略姿态（悬停单元格查看原因）</translation>
    </message>
    <message>
        <source>because</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No posture fits yet.</source>
        <translation>暂无适用的战略姿态。</translation>
    </message>
    <message>
        <source>None triggered.</source>
        <translation>未触发。</translation>
    </message>
    <message>
        <source>Partial result: {pct} of the weight is scored</source>
        <translation>部分结果：已评分 {pct} 的权重</translation>
    </message>
    <message>
        <source>Every criterion is scored</source>
        <translation>所有评估标准均已评分</translation>
    </message>
    <message>
        <source>Under the scenario “{name}”</source>
        <translation>在情景“{name}”下</translation>
    </message>
</context>
<context>
    <name>Reveal</name>
    <message>
        <source>{file} is no longer there: it was moved or deleted after it was written.</source>
        <translation>{file} 已不在原处：写入后被移动或删除了。</translation>
    </message>
    <message>
        <source>No program on this computer is set to open {name}. It is in {folder}.</source>
        <translation>这台电脑上没有设置用来打开 {name} 的程序。它在 {folder} 中。</translation>
    </message>
    <message>
        <source>The folder {folder} is no longer there: it was moved or deleted after {name} was written.</source>
        <translation>文件夹 {folder} 已不在原处：写入 {name} 后被移动或删除了。</translation>
    </message>
</context>
<context>
    <name>ReversalsModel</name>
    <message>
        <source>Pillar</source>
        <translation>支柱</translation>
    </message>
    <message>
        <source>Share now</source>
        <translation>当前比例</translation>
    </message>
    <message>
        <source>The pillar&apos;s current share of the enabled pillars&apos; weight</source>
        <translation>该支柱在已开启支柱权重中的当前比例</translation>
    </message>
    <message>
        <source>Leader changes at</source>
        <translation>领先者改变于</translation>
    </message>
    <message>
        <source>As the pillar&apos;s share grows past this value (the other pillars rescaled proportionally), the leader changes</source>
        <translation>当该支柱的比例增长超过此值（其他支柱按比例缩放）时，领先者改变</translation>
    </message>
    <message>
        <source>Leader before</source>
        <translation>原领先者</translation>
    </message>
    <message>
        <source>New leader</source>
        <translation>新领先者</translation>
    </message>
</context>
<context>
    <name>RoundPanel</name>
    <message>
        <source>Independent scoring</source>
        <extracomment>the round shown (``None``: the startup has none) the consensus dialog while it is open</extracomment>
        <translation>独立评分</translation>
    </message>
    <message>
        <source>Open independent round</source>
        <translation>开启独立评分轮次</translation>
    </message>
    <message>
        <source>Score independently</source>
        <translation>独立评分</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Tell the others your scores are final; they stay hidden until a partner reveals the round</source>
        <translation>告知他人你的评分已定稿；在合伙人揭晓本轮之前，评分对他人保持隐藏</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>揭晓</translation>
    </message>
    <message>
        <source>Consensus…</source>
        <translation>共识…</translation>
    </message>
    <message>
        <source>Show consensus</source>
        <translation>查看共识</translation>
    </message>
    <message>
        <source>Only a partner may do this</source>
        <translation>只有合伙人可以执行此操作</translation>
    </message>
    <message>
        <source>Open another round</source>
        <translation>开启新一轮</translation>
    </message>
    <message>
        <source>Show my assessment</source>
        <translation>查看我的评估</translation>
    </message>
    <message>
        <source>Show every assessor&apos;s scores to everyone</source>
        <translation>向所有人公开每位评估人的评分</translation>
    </message>
    <message>
        <source>No round of independent scoring yet. In a round each assessor scores without seeing the others&apos; scores until a partner reveals them.</source>
        <translation>尚无独立评分轮次。在一轮中，每位评估人各自评分，在合伙人揭晓之前看不到他人的评分。</translation>
    </message>
    <message>
        <source>Round {n}, opened by {who} on {day}: scores stay hidden until a partner reveals them. {k} of {m} submitted.</source>
        <translation>第 {n} 轮，由 {who} 于 {day} 开启：在合伙人揭晓之前评分保持隐藏。{m} 人中 {k} 人已提交。</translation>
    </message>
    <message>
        <source>Round {n} revealed on {day}: the committee records the consensus, which closes the round.</source>
        <translation>第 {n} 轮已于 {day} 揭晓：由委员会记录共识，随后本轮结束。</translation>
    </message>
    <message>
        <source>Round {n} closed on {day}: the consensus is recorded and the round&apos;s scores are locked.</source>
        <translation>第 {n} 轮已于 {day} 结束：共识已记录，本轮评分已锁定。</translation>
    </message>
    <message>
        <source>✓ {name} — submitted</source>
        <translation>✓ {name} — 已提交</translation>
    </message>
    <message>
        <source>✗ {name} — did not submit</source>
        <translation>✗ {name} — 未提交</translation>
    </message>
    <message>
        <source>… {name} — scoring</source>
        <translation>… {name} — 评分中</translation>
    </message>
    <message>
        <source>Submit your scores of {startup}? The others see that you have submitted; your scores stay hidden until a partner reveals the round, and a submission cannot be taken back.</source>
        <translation>提交你对 {startup} 的评分？其他人会看到你已提交；在合伙人揭晓本轮之前你的评分保持隐藏，提交后不能撤回。</translation>
    </message>
    <message numerus="yes">
        <source>Reveal the scores of round {n} of {startup} to everyone? {k} of %n assessor(s) have submitted; the others can no longer submit. This cannot be undone.</source>
        <translation>
            <numerusform>向所有人揭晓 {startup} 第 {n} 轮的评分？%n 位评估人中 {k} 位已提交；其余评估人将不能再提交。此操作无法撤销。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleForm</name>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Strategy (a way out worth taking)</source>
        <translation>战略（值得采取的出路）</translation>
    </message>
    <message>
        <source>Warning (a position to get out of)</source>
        <translation>警示（应当摆脱的处境）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Fires when</source>
        <translation>触发条件</translation>
    </message>
    <message>
        <source>all of its conditions hold</source>
        <translation>所有条件均成立</translation>
    </message>
    <message>
        <source>any one of its conditions holds</source>
        <translation>任一条件成立</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>{what}: {name}</source>
        <translation>{what}：{name}</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source>Add Posture</source>
        <translation>添加战略姿态</translation>
    </message>
    <message>
        <source>Add Deal-breaker</source>
        <translation>添加致命缺陷</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Choose a posture or a deal-breaker, or add one.</source>
        <translation>请选择一个战略姿态或致命缺陷，或添加一个。</translation>
    </message>
    <message>
        <source>Fires on now</source>
        <translation>当前触发于</translation>
    </message>
    <message>
        <source>Postures</source>
        <translation>战略姿态</translation>
    </message>
    <message>
        <source>Deal-breakers</source>
        <translation>致命缺陷</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>This rule has a problem</source>
        <translation>此规则有问题</translation>
    </message>
    <message>
        <source>Posture</source>
        <translation>战略姿态</translation>
    </message>
    <message>
        <source>Deal-breaker</source>
        <translation>致命缺陷</translation>
    </message>
    <message>
        <source>Open a portfolio to see the startups a rule fires on.</source>
        <translation>打开一个投资组合，即可查看规则触发于哪些初创公司。</translation>
    </message>
    <message numerus="yes">
        <source>The preview waits until the framework has no problems (%n left).</source>
        <translation>
            <numerusform>框架的问题全部解决后才显示预览（还剩 %n 个）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln startup(s) of {total} ({view}).</source>
        <translation>
            <numerusform>{total} 家中的 %Ln 家初创公司（{view}）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add posture</source>
        <translation>添加战略姿态</translation>
    </message>
    <message>
        <source>Add deal-breaker</source>
        <translation>添加致命缺陷</translation>
    </message>
    <message>
        <source>Duplicate {name}</source>
        <translation>复制 {name}</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>the id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>the explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>the kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>all or any</source>
        <translation>全部或任一</translation>
    </message>
    <message>
        <source>the cited paragraphs</source>
        <translation>引用段落</translation>
    </message>
    <message>
        <source>the conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Edit {what} of {name}</source>
        <translation>编辑 {name} 的{what}</translation>
    </message>
</context>
<context>
    <name>SaveChoice</name>
    <message>
        <source>Save framework as</source>
        <translation>框架另存为</translation>
    </message>
    <message>
        <source>A new version of {id}: {old} → {new}</source>
        <translation>{id} 的新版本：{old} → {new}</translation>
    </message>
    <message>
        <source>A new framework of its own, named:</source>
        <translation>一个独立的新框架，名称：</translation>
    </message>
    <message>
        <source>{name} (adapted)</source>
        <translation>{name}（改编）</translation>
    </message>
    <message>
        <source>Save the edited framework as:</source>
        <translation>将编辑后的框架保存为：</translation>
    </message>
</context>
<context>
    <name>ScenarioDeltasModel</name>
    <message>
        <source>Startup</source>
        <translation>初创公司</translation>
    </message>
    <message>
        <source>Overall
as scored</source>
        <translation>总分
（原评分）</translation>
    </message>
    <message>
        <source>Overall score under the perspective, as scored</source>
        <translation>该视角下按原评分计算的总分</translation>
    </message>
    <message>
        <source>Overall
under scenario</source>
        <translation>总分
（情景下）</translation>
    </message>
    <message>
        <source>Overall score with the scenario&apos;s shifts applied</source>
        <translation>应用情景变化后的总分</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Points gained (+) or lost (−) under the scenario</source>
        <translation>情景下得分增加 (+) 或减少 (−) 的分数</translation>
    </message>
    <message>
        <source>Rank
as scored</source>
        <translation>排名
（原评分）</translation>
    </message>
    <message>
        <source>Position in the ranking as scored (gated startups after the others)</source>
        <translation>按原评分的排名位置（触发致命缺陷的公司排在其他公司之后）</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>暴露</translation>
    </message>
    <message>
        <source>The scenario&apos;s exposure rules that hold for the startup, judged on its levels before the shift: each adds its own shifts</source>
        <translation>对该初创公司成立的情景暴露规则（按偏移前的等级判断）：每条规则各自追加偏移</translation>
    </message>
    <message>
        <source>{name}: a deal-breaker fires under the scenario</source>
        <translation>{name}：在该情景下触发致命缺陷</translation>
    </message>
    <message>
        <source>{name}: the scenario lifts its deal-breaker</source>
        <translation>{name}：该情景解除了其致命缺陷</translation>
    </message>
    <message>
        <source>{name}: gated as scored and under the scenario</source>
        <translation>{name}：按原评分和在该情景下均触发致命缺陷</translation>
    </message>
    <message>
        <source>Rank
under scenario</source>
        <translation>排名
（情景下）</translation>
    </message>
    <message>
        <source>Position in the ranking under the scenario</source>
        <translation>该情景下的排名位置</translation>
    </message>
    <message>
        <source>Rank
change</source>
        <translation>排名
变化</translation>
    </message>
    <message>
        <source>Places moved up (+) or down (−) under the scenario</source>
        <translation>情景下排名上升 (+) 或下降 (−) 的位数</translation>
    </message>
</context>
<context>
    <name>ScenarioPage</name>
    <message>
        <source>Scenario</source>
        <extracomment>Widest the startup and exposure columns start (pixels at scale 1; full names on hover).</extracomment>
        <translation>情景</translation>
    </message>
    <message>
        <source>This framework has no scenarios.</source>
        <translation>此框架没有情景。</translation>
    </message>
    <message>
        <source>Changes are against the scores as entered, under the window&apos;s perspective; ranks are places in the ranking of every startup (gated ones after the others), whatever the filter shows.</source>
        <translation>变化相对于窗口当前视角下的原评分；排名是在全部初创公司中的位置（触发致命缺陷的排在其他公司之后），与筛选显示的行无关。</translation>
    </message>
</context>
<context>
    <name>ScenariosPanel</name>
    <message>
        <source>Add Scenario</source>
        <translation>添加情景</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Shifts (every startup)</source>
        <translation>变动（所有初创公司）</translation>
    </message>
    <message>
        <source>Add Exposure Rule</source>
        <translation>添加暴露规则</translation>
    </message>
    <message>
        <source>Remove Exposure Rule</source>
        <translation>删除暴露规则</translation>
    </message>
    <message>
        <source>Shifts added where it holds</source>
        <translation>成立时追加的变动</translation>
    </message>
    <message>
        <source>Choose a scenario, or add one.</source>
        <translation>请选择一个情景，或添加一个。</translation>
    </message>
    <message>
        <source>Exposure rules</source>
        <translation>暴露规则</translation>
    </message>
    <message>
        <source>Rank changes now</source>
        <translation>当前排名变化</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>This has a problem</source>
        <translation>此处有问题</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Exposure rule</source>
        <translation>暴露规则</translation>
    </message>
    <message>
        <source>Open a portfolio to see how a scenario moves its startups.</source>
        <translation>打开一个投资组合，即可查看情景如何改变其初创公司的排名。</translation>
    </message>
    <message numerus="yes">
        <source>The preview waits until the framework has no problems (%n left).</source>
        <translation>
            <numerusform>框架的问题全部解决后才显示预览（还剩 %n 个）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add scenario</source>
        <translation>添加情景</translation>
    </message>
    <message>
        <source>Duplicate {name}</source>
        <translation>复制 {name}</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Add exposure rule to {name}</source>
        <translation>为 {name} 添加暴露规则</translation>
    </message>
    <message numerus="yes">
        <source>%Ln startup(s) change rank ({view}).</source>
        <translation>
            <numerusform>%Ln 家初创公司排名变化（{view}）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
</context>
<context>
    <name>SensitivityPanel</name>
    <message>
        <source>Leader at the current weights: {name}.</source>
        <translation>当前权重下的领先者：{name}。</translation>
    </message>
    <message>
        <source>No pillar weight from 0 to 100 % changes the leader.</source>
        <translation>支柱权重从 0 到 100 % 的任何变化都不会改变领先者。</translation>
    </message>
    <message>
        <source>Each row: as that pillar&apos;s share of the weight grows (the others rescaled proportionally), the leader changes at this share.</source>
        <translation>每一行：随着该支柱的权重比例增长（其他支柱按比例缩放），领先者在此比例处改变。</translation>
    </message>
    <message>
        <source>No change of leader for: {names}.</source>
        <translation>以下支柱不会改变领先者：{names}。</translation>
    </message>
    <message>
        <source>No startup has a score yet.</source>
        <translation>还没有已评分的初创公司。</translation>
    </message>
    <message>
        <source>Choose a startup with a score to see how the pillar weights move it.</source>
        <translation>选择一家已评分的初创公司，查看支柱权重如何影响它。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: overall {base} at the current weights; each bar moves one pillar&apos;s share by ±10 points.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;：当前权重下总分为 {base}；每个条形将一个支柱的比例移动 ±10 个百分点。</translation>
    </message>
    <message>
        <source>{pillar} ({share} → {low}–{high})</source>
        <translation>{pillar}（{share} → {low}–{high}）</translation>
    </message>
    <message>
        <source>Overall score</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>share −10 points</source>
        <translation>比例 −10 个百分点</translation>
    </message>
    <message>
        <source>share +10 points</source>
        <translation>比例 +10 个百分点</translation>
    </message>
</context>
<context>
    <name>ShiftRow</name>
    <message>
        <source>Remove this shift</source>
        <translation>删除此变动</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>级</translation>
    </message>
</context>
<context>
    <name>ShiftsEditor</name>
    <message>
        <source>Add Shift</source>
        <translation>添加变动</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <extracomment>Between a menu and what it holds (&quot;Edit ▸ Copy&quot;). A mnemonic written after the text, as Chinese menus do: &quot;文件(&amp;F)&quot;.</extracomment>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>In the Assess view, the keys 1 to 5 score the focused criterion, 0 or Delete clears it, and the arrow keys move between criteria.</source>
        <translation>在评估视图中，按键 1 到 5 为获得焦点的标准评分，0 或 Delete 清除评分，方向键在标准之间移动。</translation>
    </message>
</context>
<context>
    <name>StartupDetails</name>
    <message>
        <source>Details</source>
        <extracomment>The details edited on a line of their own, in the order shown. The longest website a link shows whole (a longer one ends in &quot;…&quot;). What separates tags as typed: commas or semicolons, in either script. Lines the notes box shows before it scrolls (it grows from three).</extracomment>
        <translation>详情</translation>
    </message>
    <message>
        <source>Show or edit the sector, stage, region, website, tags and notes</source>
        <translation>查看或编辑赛道、阶段、地区、网站、标签和备注</translation>
    </message>
    <message>
        <source>e.g. Legal AI</source>
        <translation>例如：法律 AI</translation>
    </message>
    <message>
        <source>e.g. Seed</source>
        <translation>例如：种子轮</translation>
    </message>
    <message>
        <source>e.g. Shanghai</source>
        <translation>例如：上海</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>e.g. acme.ai</source>
        <translation>例如：acme.ai</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>赛道</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>What to remember about this startup</source>
        <translation>关于这家初创公司需要记住的事</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No sector, stage, region or tags yet</source>
        <translation>尚无赛道、阶段、地区或标签</translation>
    </message>
    <message>
        <source>Open {address} in the browser</source>
        <translation>在浏览器中打开 {address}</translation>
    </message>
</context>
<context>
    <name>StartupFilterBar</name>
    <message>
        <source>Show only startups with every tag ticked</source>
        <extracomment>The status filter&apos;s value for startups without a decision. The details a startup is filtered by, besides its tags and status.</extracomment>
        <translation>只显示带有所有勾选标签的初创公司</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>No decision yet</source>
        <translation>尚无决定</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>所有领域</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>所有阶段</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>所有地区</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>标签：{tags}</translation>
    </message>
</context>
<context>
    <name>StartupListModel</name>
    <message>
        <source>Rank {rank} of {n}</source>
        <extracomment>What the gate mark is drawn as, before the overall score. The width a row asks for: the list gives it all its width.</extracomment>
        <translation>排名 {rank} / {n}</translation>
    </message>
    <message>
        <source>Nothing scored under this perspective</source>
        <translation>在此视角下尚无评分</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>标签：{tags}</translation>
    </message>
    <message>
        <source>Latest assessment: {date}</source>
        <translation>最近评估：{date}</translation>
    </message>
    <message>
        <source>Decision: {status} ({date})</source>
        <translation>决定：{status}（{date}）</translation>
    </message>
    <message>
        <source>Gated by {names}</source>
        <translation>触发致命缺陷：{names}</translation>
    </message>
</context>
<context>
    <name>StartupPane</name>
    <message>
        <source>Filter startups by name or website</source>
        <translation>按名称或网站筛选初创公司</translation>
    </message>
    <message>
        <source>How the startups are sorted</source>
        <translation>初创公司的排序方式</translation>
    </message>
    <message>
        <source>Order added</source>
        <translation>添加顺序</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date assessed</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Filter by sector, stage, region, tags and status</source>
        <translation>按赛道、阶段、地区、标签和状态筛选</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Clear the name filter and the filters</source>
        <translation>清除名称筛选和各项筛选</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add a startup</source>
        <translation>添加初创公司</translation>
    </message>
    <message>
        <source>Rename the chosen startup</source>
        <translation>重命名所选初创公司</translation>
    </message>
    <message>
        <source>Copy the chosen startup with its assessments</source>
        <translation>复制所选初创公司及其评估</translation>
    </message>
    <message>
        <source>Delete the chosen startup</source>
        <translation>删除所选初创公司</translation>
    </message>
    <message>
        <source>Filters ({n})</source>
        <translation>筛选（{n}）</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln startup(s) shown</source>
        <translation>
            <numerusform>显示 {shown} / %Ln 家初创公司</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartupRankingModel</name>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Position under the perspective: ungated startups by overall score, then gated ones, then unscored ones</source>
        <translation>该视角下的位置：先是未触发致命缺陷的公司（按总分），然后是触发的，最后是未评分的</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>初创公司</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The current decision</source>
        <translation>当前决定</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>The decision the framework&apos;s thresholds suggest for the overall score (pass when gated)</source>
        <translation>框架阈值根据总分给出的建议决定（触发致命缺陷时为放弃）</translation>
    </message>
    <message>
        <source>Gated by</source>
        <translation>致命缺陷</translation>
    </message>
    <message>
        <source>Deal-breakers that fired under the perspective; a gated startup ranks after every ungated one unless deal-breakers are ignored</source>
        <translation>该视角下触发的致命缺陷；除非忽略致命缺陷，触发的公司排在所有未触发的公司之后</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Overall score 0–100 under the perspective</source>
        <translation>该视角下的总分 0–100</translation>
    </message>
    <message>
        <source>{name}: score 0–100, higher is better for the startup</source>
        <translation>{name}：得分 0–100，越高对初创公司越有利</translation>
    </message>
    <message>
        <source>This pillar is switched off and takes no part in the overall.</source>
        <translation>此支柱已关闭，不计入总分。</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>Completeness: the share of the total weight that is scored</source>
        <translation>完成度：已评分部分占总权重的比例</translation>
    </message>
    <message>
        <source>Founder
gap</source>
        <translation>与创始人
差距</translation>
    </message>
    <message>
        <source>Overall under the perspective minus overall under the founder view: negative when the founder sees more than the perspective</source>
        <translation>该视角下的总分减去创始人视角下的总分：创始人评分更高时为负</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>评估数</translation>
    </message>
    <message>
        <source>How many assessments the perspective is made of</source>
        <translation>该视角所依据的评估数量</translation>
    </message>
    <message>
        <source>Ranked by its overall among the others: deal-breakers are ignored.</source>
        <translation>与其他公司一起按总分排名：已忽略致命缺陷。</translation>
    </message>
    <message>
        <source>Ranked after every ungated startup.</source>
        <translation>排在所有未触发致命缺陷的公司之后。</translation>
    </message>
    <message>
        <source>{name} is gated by:
{names}
{note}</source>
        <translation>{name} 触发了致命缺陷：
{names}
{note}</translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s) make up the {perspective}</source>
        <translation>
            <numerusform>{perspective}由 %n 项评估构成</numerusform>
        </translation>
    </message>
    <message>
        <source>Under the scenario “{name}”</source>
        <translation>在情景“{name}”下</translation>
    </message>
</context>
<context>
    <name>StartupsPage</name>
    <message>
        <source>Filter by startup, website or deal-breaker</source>
        <extracomment>Widest the startup and &quot;Gated by&quot; columns start (pixels at scale 1).</extracomment>
        <translation>按初创公司、网站或致命缺陷筛选</translation>
    </message>
    <message numerus="yes">
        <source>%Ln startup(s), {perspective}</source>
        <translation>
            <numerusform>%Ln 家初创公司，{perspective}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln startup(s) shown, {perspective}; ranks and probabilities are over all %Ln</source>
        <translation>
            <numerusform>显示 {shown} / %Ln 家初创公司，{perspective}；排名和概率均基于全部 %Ln 家</numerusform>
        </translation>
    </message>
    <message>
        <source>deal-breakers ignored</source>
        <translation>已忽略致命缺陷</translation>
    </message>
</context>
<context>
    <name>StructureTree</name>
    <message>
        <source>Add Pillar…</source>
        <translation>添加支柱…</translation>
    </message>
    <message>
        <source>Add Criterion…</source>
        <translation>添加标准…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Rename {old} to {new}</source>
        <translation>将 {old} 重命名为 {new}</translation>
    </message>
    <message>
        <source>Add Pillar</source>
        <translation>添加支柱</translation>
    </message>
    <message>
        <source>Name of the new pillar, in English:</source>
        <translation>新支柱的英文名称：</translation>
    </message>
    <message>
        <source>Add the pillar {name}</source>
        <translation>添加支柱 {name}</translation>
    </message>
    <message>
        <source>Add Criterion</source>
        <translation>添加标准</translation>
    </message>
    <message>
        <source>Name of the new criterion, in English:</source>
        <translation>新标准的英文名称：</translation>
    </message>
    <message>
        <source>Add the criterion {name}</source>
        <translation>添加标准 {name}</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Move {name} up</source>
        <translation>上移 {name}</translation>
    </message>
    <message>
        <source>Move {name} down</source>
        <translation>下移 {name}</translation>
    </message>
</context>
<context>
    <name>TeamWorkspaceDialog</name>
    <message>
        <source>Open Team Workspace</source>
        <extracomment>The address shown greyed in an empty address field. libpq&apos;s host and port when none is given.</extracomment>
        <translation>打开团队工作区</translation>
    </message>
    <message>
        <source>No password is asked for or remembered: PostgreSQL reads it from your password file (~/.pgpass; on Windows %APPDATA%\postgresql\pgpass.conf) or from a service file (postgresql:///?service=NAME), as psql does.</source>
        <translation>不会询问或记住密码：PostgreSQL 会像 psql 一样，从您的密码文件（~/.pgpass；Windows 上为 %APPDATA%\postgresql\pgpass.conf）或服务文件（postgresql:///?service=NAME）中读取密码。</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>最近：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>or fill in its parts:</source>
        <translation>或分项填写：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>A team workspace&apos;s address starts with postgresql:// (a file opens with File ▸ Open).</source>
        <translation>团队工作区的地址以 postgresql:// 开头（文件请用“文件 ▸ 打开”）。</translation>
    </message>
    <message>
        <source>This address cannot be read: check the port (a number) and the characters after postgresql://.</source>
        <translation>无法识别此地址：请检查端口（应为数字）以及 postgresql:// 之后的字符。</translation>
    </message>
    <message>
        <source>Name the database that holds the workspace.</source>
        <translation>请填写存放工作区的数据库名称。</translation>
    </message>
    <message>
        <source>The password in this address is used to connect now and never remembered; keep it in ~/.pgpass to connect next time.</source>
        <translation>此地址中的密码仅用于本次连接，不会被记住；如需下次连接，请将其保存在 ~/.pgpass 中。</translation>
    </message>
</context>
<context>
    <name>TextPair</name>
    <message>
        <source>The Simplified Chinese text is missing</source>
        <extracomment>the field lost the focus: the next typing is a new undo step</extracomment>
        <translation>缺少简体中文文本</translation>
    </message>
</context>
<context>
    <name>TrendPage</name>
    <message>
        <source>This portfolio is not kept in a workspace file, so its scores over time are not recorded.</source>
        <translation>这个投资组合没有保存在工作区文件中，因此不会记录得分随时间的变化。</translation>
    </message>
    <message numerus="yes">
        <source>Overall and pillar scores under {perspective}, each from the moment it was reached until the next change (%Ln change(s) of the scores).</source>
        <translation>
            <numerusform>{perspective}下的总分和各支柱得分，每个值从得出之时保持到下一次变更（得分共变化 %Ln 次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Score (0–100)</source>
        <translation>得分（0–100）</translation>
    </message>
</context>
<context>
    <name>UncertaintyPanel</name>
    <message>
        <source>Compute</source>
        <extracomment>Portfolios with fewer startups than this compute on the UI thread (a few milliseconds). Widest the startup column starts (pixels at scale 1).</extracomment>
        <translation>计算</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cannot compute the uncertainty</source>
        <translation>无法计算不确定性</translation>
    </message>
    <message numerus="yes">
        <source>Computing %Ln startup(s) × {draws} draws…</source>
        <translation>
            <numerusform>正在计算 %Ln 家初创公司 × {draws} 次抽样…</numerusform>
        </translation>
    </message>
    <message>
        <source>Each score is spread over its neighbouring levels by its confidence (high: exact; medium: ±1 level with 10 % each; low: 20 % each); under the investor view the investors are resampled too. Press Compute.</source>
        <translation>每项评分按其置信度分散到相邻等级（高：不变；中：±1 级各 10%；低：各 20%）；在投资人视角下还会对投资人重新抽样。请按“计算”。</translation>
    </message>
    <message>
        <source>Out of date: scores, weights, the perspective or settings changed since these figures were computed. Press Recompute. (Last run: {what})</source>
        <translation>已过期：计算这些数字之后，评分、权重、视角或设置已更改。请按“重新计算”。（上次运行：{what}）</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
</context>
<context>
    <name>UncertaintySettings</name>
    <message>
        <source>Uncertain pillar weights, concentration</source>
        <translation>不确定的支柱权重，集中度</translation>
    </message>
    <message>
        <source>Draws</source>
        <translation>抽样次数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>How many random draws the estimate uses; more draws give steadier figures and take longer</source>
        <translation>估计所用的随机抽样次数；次数越多结果越稳定，耗时也越长</translation>
    </message>
    <message>
        <source>The same seed gives the same figures</source>
        <translation>相同的种子给出相同的结果</translation>
    </message>
    <message>
        <source>Also draw the pillar weights around their current values (Dirichlet); a larger concentration keeps them closer (at 50, a 20 % weight varies by about ±6 points)</source>
        <translation>同时围绕当前值抽取支柱权重（Dirichlet 分布）；集中度越大越接近当前值（为 50 时，20 % 的权重约变动 ±6 个百分点）</translation>
    </message>
    <message>
        <source>pillar weights fixed</source>
        <translation>支柱权重固定</translation>
    </message>
    <message>
        <source>pillar weights drawn around the current ones (concentration {c:g})</source>
        <translation>围绕当前值抽取支柱权重（集中度 {c:g}）</translation>
    </message>
    <message>
        <source>{perspective}: {draws} draws, seed {seed}, {weights}.</source>
        <translation>{perspective}：{draws} 次抽样，种子 {seed}，{weights}。</translation>
    </message>
    <message numerus="yes">
        <source>The investors were resampled %n time(s).</source>
        <translation>
            <numerusform>投资人被重新抽样 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Under the scenario “{name}”.</source>
        <translation>在情景“{name}”下。</translation>
    </message>
    <message numerus="yes">
        <source>P(rank 1) and P(top 3) are over all %Ln startup(s) ranked.</source>
        <translation>
            <numerusform>P(排名第 1) 和 P(前 3 名) 基于全部 %Ln 家参与排名的初创公司。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>P(rank 1) and P(top 3) are over all %Ln startup(s) ranked; the filter shows {shown} of them but changes no figure.</source>
        <translation>
            <numerusform>P(排名第 1) 和 P(前 3 名) 基于全部 %Ln 家参与排名的初创公司；筛选显示其中 {shown} 家，但不改变任何数字。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UncertaintyTableModel</name>
    <message>
        <source>Startup</source>
        <translation>初创公司</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Position in the ranking the figures were computed for</source>
        <translation>计算这些数字时所依据的排名位置</translation>
    </message>
    <message>
        <source>Overall score under the perspective, as scored</source>
        <translation>该视角下按原评分计算的总分</translation>
    </message>
    <message>
        <source>P10</source>
        <translation>P10</translation>
    </message>
    <message>
        <source>In 10 % of the draws the overall score is lower than this</source>
        <translation>在 10 % 的抽样中，总分低于此值</translation>
    </message>
    <message>
        <source>P50</source>
        <translation>P50</translation>
    </message>
    <message>
        <source>The median overall score over the draws</source>
        <translation>各次抽样总分的中位数</translation>
    </message>
    <message>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <source>In 10 % of the draws the overall score is higher than this</source>
        <translation>在 10 % 的抽样中，总分高于此值</translation>
    </message>
    <message>
        <source>P(rank 1)</source>
        <translation>P(排名第 1)</translation>
    </message>
    <message>
        <source>Share of the draws in which this startup ranks first among the startups ranked</source>
        <translation>在参与排名的初创公司中，该公司排名第一的抽样比例</translation>
    </message>
    <message>
        <source>Share of the draws in which this startup ranks among the first three</source>
        <translation>该公司排名前三的抽样比例</translation>
    </message>
    <message>
        <source>{name}: gated by {names}</source>
        <translation>{name}：触发致命缺陷 {names}</translation>
    </message>
    <message>
        <source>P(top 3)</source>
        <translation>P(前 3 名)</translation>
    </message>
</context>
<context>
    <name>UndoCounts</name>
    <message numerus="yes">
        <source>Import %Ln assessment(s)</source>
        <translation>
            <numerusform>导入 %Ln 项评估</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Beachhead</source>
        <extracomment>the portfolio open (``None`` before the window has made its first)</extracomment>
        <translation>Beachhead</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Beachhead</source>
        <translation>Beachhead</translation>
    </message>
    <message>
        <source>Where does an AI startup stand against the platform giants?</source>
        <translation>一家 AI 初创公司在平台巨头面前处于什么位置？</translation>
    </message>
    <message>
        <source>When the giants pour money into models, traffic and price cuts, a young AI company lasts by holding ground they will not take: a narrow niche they serve poorly, heavy work they avoid, a technology lead they cannot copy within a year, or a new ecosystem of devices and platforms. Beachhead scores a startup on these questions (five pillars, eighteen criteria) and shows where it stands, which strategy fits, what could sink it and what would help most. Your data stays in your files, or for a team on your firm&apos;s own server.</source>
        <translation>当巨头把资金砸向模型、流量和价格战时，年轻的 AI 公司要想活下去，就得守住巨头不会去抢的阵地：巨头服务不好的细分市场、巨头不愿做的脏活累活、巨头一年内无法复制的技术领先，或由新设备、新平台构成的新生态。Beachhead 围绕这些问题为初创公司评分（五个支柱、十八项标准），告诉您它处在什么位置、适合哪种战略、什么可能致命、做什么最有帮助。数据保存在您自己的文件中，团队的数据则保存在贵公司自己的服务器上。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Recent portfolios</source>
        <translation>最近的组合</translation>
    </message>
    <message>
        <source>Nothing opened yet: the portfolios and team workspaces you open are listed here.</source>
        <translation>还没有打开过任何组合：您打开的组合和团队工作区会列在这里。</translation>
    </message>
    <message>
        <source>Open the Sample</source>
        <translation>打开示例组合</translation>
    </message>
    <message>
        <source>Eight scored startups to explore, copied into a file of your own</source>
        <translation>八家已评分的初创公司，复制到您自己的文件中随意探索</translation>
    </message>
    <message>
        <source>New Portfolio…</source>
        <translation>新建组合…</translation>
    </message>
    <message>
        <source>Start empty; Beachhead asks where to keep it</source>
        <translation>从空白开始；Beachhead 会询问保存位置</translation>
    </message>
    <message>
        <source>Open a Portfolio…</source>
        <translation>打开组合…</translation>
    </message>
    <message>
        <source>A .beachhead file on this computer</source>
        <translation>这台电脑上的 .beachhead 文件</translation>
    </message>
    <message>
        <source>Import Founders&apos; Workbooks…</source>
        <translation>导入创始人工作簿…</translation>
    </message>
    <message>
        <source>Each filled-in template (.xlsx) becomes a scored startup</source>
        <translation>每份填好的模板（.xlsx）都会成为一家已评分的初创公司</translation>
    </message>
    <message>
        <source>Open Team Workspace…</source>
        <translation>打开团队工作区…</translation>
    </message>
    <message>
        <source>A pipeline shared on your firm&apos;s PostgreSQL server</source>
        <translation>在贵机构 PostgreSQL 服务器上共享的项目池</translation>
    </message>
    <message>
        <source>Read the user guide (F1)</source>
        <translation>阅读用户指南（F1）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Back to {name}</source>
        <translation>返回 {name}</translation>
    </message>
    <message>
        <source>{folder} — not found</source>
        <translation>{folder} — 找不到</translation>
    </message>
</context>
<context>
    <name>WorkspaceWatch</name>
    <message>
        <source>{name} cannot be reached, so the change was not made. What you typed is still on screen but not saved. Beachhead reconnects by itself; the status bar says when the server answers again.</source>
        <extracomment>How often the workspace is asked whether another connection has committed. The longest wait between two tries to reach a server that does not answer. What reading the workspace may raise when the file or the server cannot be read.</extracomment>
        <translation>无法连接 {name}，因此未做更改。您输入的内容仍显示在屏幕上，但尚未保存。Beachhead 会自动重新连接；服务器再次响应时状态栏会提示。</translation>
    </message>
    <message>
        <source>The change was not made: {name}: {reason}</source>
        <translation>未做更改：{name}：{reason}</translation>
    </message>
</context>
<context>
    <name>_WeightsModel</name>
    <message>
        <source>benefit</source>
        <extracomment>The column of the editable weight.</extracomment>
        <translation>收益型</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>成本型</translation>
    </message>
    <message>
        <source>A higher level is better for the startup.</source>
        <translation>级别越高对初创公司越有利。</translation>
    </message>
    <message>
        <source>A higher level is worse for the startup; its score is inverted, so a higher score still means better for the startup.</source>
        <translation>级别越高对初创公司越不利；其得分被反转，因此得分越高仍表示对初创公司越有利。</translation>
    </message>
    <message>
        <source>A weight must be a number from {low} to {high}.</source>
        <translation>权重必须是 {low} 到 {high} 之间的数字。</translation>
    </message>
</context>
</TS>
