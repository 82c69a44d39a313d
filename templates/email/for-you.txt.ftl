<#-- One reader's "For you" section in the text part, in place of %%PERSONAL_TEXT%%. Starts and ends with a line
     break. Model: picks (paper, authors, reasons, snippet, moreUrl, lessUrl), preferencesUrl, pickStart, pickEnd:
     ${pickStart} and ${pickEnd} mark the part drawn for each pick (see for-you.html.ftlh). -->

FOR YOU
-------
<#list picks as pick>
${pickStart}<#t>
* ${mathText(pick.paper.title)}
  ${pick.authors} (${pick.reasons?join("; ")})
<#if pick.snippet?has_content>
  ${mathText(pick.snippet)}
</#if>
  arXiv: ${pick.paper.absUrl()}
  More like this: ${pick.moreUrl}
  Less like this: ${pick.lessUrl}
${pickEnd}<#t>
</#list>
Picked for you from all of this week's papers. Change your topics and picks: ${preferencesUrl}
