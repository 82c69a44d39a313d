<#-- One reader's "For you" section in the text part, in place of %%PERSONAL_TEXT%%. Starts and ends with a line
     break. Model: picks (paper, reasons, snippet, moreUrl, lessUrl), preferencesUrl. -->

FOR YOU
-------
<#list picks as pick>
* ${mathText(pick.paper.title)}
  ${pick.authors} (${pick.reasons?join("; ")})
<#if pick.snippet?has_content>
  ${mathText(pick.snippet)}
</#if>
  arXiv: ${pick.paper.absUrl()}
  More like this: ${pick.moreUrl}
  Less like this: ${pick.lessUrl}
</#list>
Picked for you from all of this week's papers. Change your topics and picks: ${preferencesUrl}
