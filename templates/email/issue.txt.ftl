<#-- The plain-text part of the weekly issue: the same papers and links as the HTML part. -->
${issue.title}
<#list 1..issue.title?length as i>=</#list>

The papers of ${issue.week.monday()} to ${issue.week.sunday()} worth your time.
View in browser: ${issueUrl}
<#list issue.sections as section>
<#if section.papers?has_content>

${section.title?upper_case}
<#list section.papers as selected>
<#assign p = selected.paper>
<#assign s = selected.summary!>

* ${p.title}
  ${p.authorNames()}<#if p.signals.onHuggingFace> | ${p.signals.upvotes} upvotes</#if>
<#if s?has_content && s.tldr?has_content>
  TL;DR: ${s.tldr}<#if s.fallback> (extract from the abstract)</#if>
</#if>
<#if section.key == "highlights" && s?has_content && s.summary?has_content>
  ${s.summary}
</#if>
<#if section.key == "highlights" && s?has_content>
<#list s.keyPoints as point>
  - ${point}
</#list>
<#if s.whyItMatters?has_content>
  Why it matters: ${s.whyItMatters}
</#if>
<#if s.critique?has_content>
  Caveat: ${s.critique}
</#if>
</#if>
  arXiv: ${p.absUrl()}
</#list>
</#if>
</#list>

--
You receive this because you subscribed to ${site.title}.
Unsubscribe: ${unsubscribeUrl}
${postalAddress}
