// The sign-in page: amazon-cognito-identity-js (global AmazonCognitoIdentity) with nothing but the stack's outputs.
"use strict";
(async function () {
    const { CognitoUserPool, CognitoUser, CognitoUserAttribute, AuthenticationDetails } = AmazonCognitoIdentity;
    const $ = (id) => document.getElementById(id);
    const status = (text, isError) => {
        $("status").textContent = text;
        $("status").className = isError ? "error" : "";
    };
    const { outputs, codesAt } = await (await fetch("/outputs.json")).json();
    // The Cognito API is at the issuer's origin: https://cognito-idp.<region>.amazonaws.com/ on AWS, cognito-local here.
    const endpoint = new URL(outputs.issuerUrl).origin + "/";
    const pools = [{ label: "stack (frontendConfig)", config: outputs.frontendConfig }];
    if (outputs.migration) {
        pools.push({ label: `current pool, users migrate from (migration.from)`, config: outputs.migration.from.frontendConfig });
        pools.push({ label: `new pool, users migrate to (migration.to)`, config: outputs.migration.to.frontendConfig });
    }
    pools.forEach(({ label, config }, index) => $("pool").add(new Option(`${label}: ${config.UserPoolId}`, String(index))));
    $("codes-at").textContent = `cognito-local sends no email: the code is in the terminal running npm run sandbox, and in ${codesAt}`;
    const userPool = () => {
        const { config } = pools[Number($("pool").value)];
        return { config, pool: new CognitoUserPool({ UserPoolId: config.UserPoolId, ClientId: config.ClientId, endpoint }) };
    };
    const cognitoUser = () => new CognitoUser({ Username: $("username").value, Pool: userPool().pool });
    const failed = (what) => (error) => status(`${what} failed: ${error.code || error.name}: ${error.message}`, true);
    const showClaims = (claims) => {
        $("claims-id").textContent = claims ? JSON.stringify(claims.id, null, 2) : "";
        $("claims-access").textContent = claims ? JSON.stringify(claims.access, null, 2) : "";
        $("signout").disabled = !claims;
    };

    $("signup").onclick = () => {
        const attributes = [new CognitoUserAttribute({ Name: "email", Value: $("email").value })];
        userPool().pool.signUp($("username").value, $("password").value, attributes, [], (error, result) => error
            ? failed("Sign-up")(error)
            : status(`Signed up ${result.user.getUsername()}: enter the confirmation code (${codesAt})`));
    };
    $("confirm").onclick = () => cognitoUser().confirmRegistration($("code").value, true, (error) => error
        ? failed("Confirmation")(error)
        : status(`Confirmed ${$("username").value}: sign in`));
    $("signin").onclick = () => {
        const user = cognitoUser();
        // cognito-local has no SRP (the library's default flow): the password flow, as a user migration needs anyway.
        user.setAuthenticationFlowType("USER_PASSWORD_AUTH");
        user.authenticateUser(new AuthenticationDetails({ Username: $("username").value, Password: $("password").value }), {
            onSuccess: async (session) => {
                const { config } = userPool();
                const answer = await fetch("/verify", {
                    method: "POST",
                    headers: { "content-type": "application/json" },
                    body: JSON.stringify({
                        userPoolId: config.UserPoolId, clientId: config.ClientId,
                        idToken: session.getIdToken().getJwtToken(), accessToken: session.getAccessToken().getJwtToken(),
                    }),
                });
                const verified = await answer.json();
                if (!answer.ok) {
                    return status(`Signed in, but the tokens were refused: ${verified.error}`, true);
                }
                showClaims(verified);
                status(`Signed in as ${verified.access.username} on ${config.UserPoolId}: tokens verified (aws-jwt-verify)`);
            },
            onFailure: failed("Sign-in"),
        });
    };
    $("signout").onclick = () => {
        const user = userPool().pool.getCurrentUser();
        const done = () => {
            showClaims(undefined);
            status("Signed out");
        };
        return user ? user.signOut(done) : done();
    };
    $("stack").textContent = `user pool ${outputs.userPoolId}`;
    status("Ready: sign up, confirm with the code, sign in");
})().catch((error) => {
    document.getElementById("status").textContent = `The page could not start: ${error.message}`;
});
