<#-- The double opt-in email, plain text. Model: site, email, confirmUrl, postalAddress. -->
Please confirm your subscription to ${site.title}

Someone, hopefully you, asked to send ${site.title} to ${email}.
To confirm, open this link:

${confirmUrl}

If you did not ask for this, ignore this email: nothing will be sent.

--
${postalAddress}
