import { GetAccountCommand } from "@aws-sdk/client-sesv2";
import { awsClients, closeClients } from "./clients";
import { readFromAws } from "./errors";
import { counted } from "../config/rules/problems";

/** Whether the SES account of a region may email anyone (SESv2 GetAccount), and its sending quota. */
export interface SesAccountStatus {
    readonly region: string;
    /** False: the account is in the sandbox. */
    readonly productionAccess: boolean;
    readonly max24HourSend?: number;
    readonly maxSendRate?: number;
}

/** SESv2 GetAccount in the region. */
export async function readSesAccount(region: string): Promise<SesAccountStatus> {
    const clients = await awsClients(region);
    try {
        const account = await readFromAws({ action: "GetAccount", target: "the SES account", region },
            () => clients.ses.send(new GetAccountCommand({})));
        return {
            region,
            productionAccess: account.ProductionAccessEnabled === true,
            max24HourSend: account.SendQuota?.Max24HourSend,
            maxSendRate: account.SendQuota?.MaxSendRate,
        };
    } finally {
        closeClients(clients);
    }
}

/**
 * One line on what the account means for a pool's emails. In the sandbox SES delivers only to verified addresses
 * and the mailbox simulator, 200 messages a day, 1 a second (SES developer guide, "Request production access":
 * https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html).
 */
export function describeSesAccount(status: SesAccountStatus): string {
    const quota = status.max24HourSend === undefined ? "" : `, up to ${counted(status.max24HourSend, "email")} a day, ${status.maxSendRate} a second`;
    return status.productionAccess
        ? `SES account in ${status.region}: production access${quota}.`
        : `SES account in ${status.region}: in the sandbox${quota}. SES delivers only to verified addresses, so a pool ` +
          "sending through SES cannot email sign-up codes to its users: request production access (SES console, " +
          "Account dashboard). Cognito's default sender is not affected.";
}
