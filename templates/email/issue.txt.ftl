<#-- The plain-text part of the weekly issue: the same sections, papers and links as the HTML part. -->
${issue.title}
<#list 1..issue.title?length as i>=</#list>

${preheader}
The papers announced ${issue.week.firstListingDay()} to ${issue.week.lastListingDay()} worth your time.
View in browser: ${issueUrl}
%%PERSONAL_TEXT%%<#list sections as section>

${section.title?upper_case}
<#list 1..section.title?length as i>-</#list>
<#list section.papers as selected>
<#assign p = selected.paper>
<#assign s = selected.summary!>
<#if section.style == "trending">
${selected?counter}. ${mathText(p.title)} (${p.signals.upvotes} upvotes)
   ${issueUrl}#${p.id.value}
   Hugging Face: ${p.huggingFaceUrl()}
<#elseif section.style == "full">

* ${mathText(p.title)}
  ${mathText(p.authorNames())}<#if p.signals.onHuggingFace> | ${p.signals.upvotes} upvotes</#if>
<#if s?has_content && s.tldr?has_content>
  TL;DR: ${mathText(s.tldr)}<#if s.fallback> (extract from the abstract)</#if>
</#if>
<#if s?has_content && s.summary?has_content>
  ${mathText(s.summary)}
</#if>
<#if s?has_content && s.keyPoints?has_content>
<#list s.keyPoints as point>
  - ${mathText(point)}
</#list>
</#if>
<#if s?has_content && s.whyItMatters?has_content>
  Why it matters: ${mathText(s.whyItMatters)}
</#if>
<#if s?has_content && s.critique?has_content>
  Critique: ${mathText(s.critique)}
</#if>
  arXiv: ${p.absUrl()}
  PDF: ${p.pdfUrl()}
  More like this: ${feedbackUrl}%%FEEDBACK:${p.id.value}%%&vote=more
  Less like this: ${feedbackUrl}%%FEEDBACK:${p.id.value}%%&vote=less
<#if p.signals.onHuggingFace>
  Hugging Face: ${p.huggingFaceUrl()}
</#if>
<#if p.signals.githubRepo?has_content>
  Code: ${p.signals.githubRepo}
</#if>
<#if p.signals.projectPage?has_content>
  Project page: ${p.signals.projectPage}
</#if>
<#else>
* ${mathText(p.title)}<#if s?has_content && s.tldr?has_content && s.tldr != p.title> - ${mathText(s.tldr)}</#if>
  ${p.absUrl()}
  More like this: ${feedbackUrl}%%FEEDBACK:${p.id.value}%%&vote=more
  Less like this: ${feedbackUrl}%%FEEDBACK:${p.id.value}%%&vote=less
</#if>
</#list>
</#list>

--
You receive this because you subscribed to ${site.title}, the weekly digest of AI papers worth reading.
Your preferences (topics, keywords, personal picks, format): ${preferencesUrl}
Unsubscribe in one click: ${unsubscribeUrl}
Past issues: ${site.baseUrl}/index.html
${postalAddress}
