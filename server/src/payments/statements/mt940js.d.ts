/** The part of mt940js (1.3.x, plain JS) the statement import uses, typed from its README. */
declare module 'mt940js' {
  export interface Mt940Transaction {
    date: Date;
    entryDate?: Date;
    /** Signed: credit positive, debit negative. */
    amount: number;
    isReversal: boolean;
    currency: string;
    details: string;
    transactionType: string;
    reference: string;
    bankReference?: string;
    extraDetails?: string;
  }
  export interface Mt940Statement {
    accountIdentification: string;
    currency: string;
    transactions: Mt940Transaction[];
  }
  export class Parser {
    parse(text: string): Mt940Statement[];
  }
}
