<#-- The plain-text part of a roundup: the same introduction, papers, paragraphs and links as the HTML part. -->
${roundup.title}
<#list 1..roundup.title?length as i>=</#list>

${mathText(roundup.intro)}<#if roundup.introFallback> (composed from the stored summaries)</#if>

View in browser: ${roundupUrl}
<#list topics as topic>
<#if topic.name?has_content>

${topic.name?upper_case}
<#list 1..topic.name?length as i>-</#list>
</#if>
<#list topic.entries as entry>
<#assign p = entry.paper>

${entry.rank}. ${mathText(p.title)}
   ${mathText(p.authorNames())}<#if p.signals.onHuggingFace> | ${p.signals.upvotes} upvotes</#if>
   ${mathText(entry.paragraph)}<#if entry.fallback> (composed from the stored summary)</#if>
   arXiv: ${p.absUrl()}
   In ${entry.first().issueTitle}: ${issueBase}${entry.first().issueSlug}.html#${p.id.value}
</#list>
</#list>

--
You receive this because you subscribed to ${site.title}, the weekly digest of AI papers worth reading.
Your preferences (which mailings, topics, keywords, personal picks): ${preferencesUrl}
Unsubscribe in one click: ${unsubscribeUrl}
Past issues and roundups: ${site.baseUrl}/index.html
${postalAddress}
