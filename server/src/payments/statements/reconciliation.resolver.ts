import { MaxLength } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, InputType } from 'type-graphql';
import { requirePermission } from '../../accounts/access';
import { AppError } from '../../common/errors';
import { t } from '../../common/messages';
import { MaxChars, NotBlank } from '../../common/validators';
import type { Context } from '../../graphql/context';
import { pageComplexity } from '../../graphql/limits';
import { findPage, ListArgs, PageOf } from '../../graphql/pagination';
import { RupiahScalar } from '../../graphql/scalars';
import { paymentSettleDeps } from '../channels';
import { Payment } from '../payment.entity';
import { parseStatement, StatementFormatError } from './parsers';
import { dismissStatementLine, importStatement, matchStatementLine, suggestionsFor, type ReconciliationDeps } from './reconciliation';
import { BankStatementLine, StatementLineStatus, StatementSource } from './statement-line.entity';

@ObjectType()
class StatementLinePage extends PageOf(BankStatementLine) {}

@ObjectType({ description: 'What one statement import did' })
class StatementImportResult {
  @Field(() => Int, { description: 'Credits read from the file' }) lines: number;
  @Field(() => Int, { description: 'New lines (not seen in an earlier import)' }) imported: number;
  @Field(() => Int, { description: 'Lines already imported before: nothing done' }) duplicates: number;
  @Field(() => Int, { description: 'Settled a pending transfer' }) matched: number;
  @Field(() => Int, { description: 'Now in the reconciliation list' }) unmatched: number;
}

@ObjectType({ description: 'A pending transfer an unmatched credit may be' })
class MatchSuggestion {
  @Field(() => ID) paymentId: string;
  @Field() reference: string;
  @Field() orderNumber: string;
  @Field() customerName: string;
  @Field(() => RupiahScalar, { description: 'Amount plus unique code: what the customer was asked to send' }) expected: bigint;
  @Field(() => RupiahScalar, { description: 'Credit minus expected' }) difference: bigint;
  @Field(() => [String], { description: 'EXACT_AMOUNT, WITHOUT_CODE, NEAR_AMOUNT, SAME_NAME' }) reasons: string[];
}

@InputType()
class ImportStatementInput {
  @Field(() => StatementSource) source: StatementSource;
  @Field({ description: 'The exported file as text (CSV of internet banking, or MT940)' })
  @NotBlank() @MaxLength(900_000) content: string;
}

@InputType()
class DismissStatementLineInput {
  @Field() @NotBlank() @MaxChars(1000) note: string;
}

const reconciliationDeps = (ctx: Context): ReconciliationDeps => ({ ...paymentSettleDeps(ctx.app), matchWindowDays: ctx.app.config.STATEMENT_MATCH_WINDOW_DAYS });

/** FINANCE's reconciliation: statement import, the list of credits that matched nothing, and its two actions. */
@Resolver(() => BankStatementLine)
export class ReconciliationResolver {
  @Mutation(() => StatementImportResult, { description: 'FINANCE: import a bank statement; credits matching a pending transfer settle it, once (re-importing settles nothing twice)' })
  async importBankStatement(@Arg('input') input: ImportStatementInput, @Ctx() ctx: Context) {
    const actor = requirePermission(ctx.user, 'payment.reconcile');
    let credits;
    try {
      credits = parseStatement(input.source, input.content);
    } catch (err) {
      if (!(err instanceof StatementFormatError)) throw err;
      throw new AppError('STATEMENT_UNREADABLE', t('statement.unreadable', { source: input.source, reason: err.message }), { field: 'content' });
    }
    return importStatement(ctx.em, reconciliationDeps(ctx), actor, input.source, credits);
  }

  @Query(() => StatementLinePage, { complexity: pageComplexity, description: 'FINANCE: imported statement credits, by default those still to reconcile' })
  statementLines(
    @Args() args: ListArgs,
    @Arg('status', () => StatementLineStatus, { nullable: true, defaultValue: StatementLineStatus.UNMATCHED }) status: StatementLineStatus | null,
    @Ctx() ctx: Context,
  ) {
    requirePermission(ctx.user, 'payment.reconcile');
    return findPage(ctx.em, BankStatementLine, status ? { status } : {}, args, { bookedOn: 'bookedOn', amount: 'amount', createdAt: 'createdAt' }, 'bookedOn');
  }

  @Mutation(() => BankStatementLine, { description: 'FINANCE: this credit is that pending transfer; settles it' })
  matchStatementLine(@Arg('id', () => ID) id: string, @Arg('paymentId', () => ID) paymentId: string, @Ctx() ctx: Context) {
    return matchStatementLine(ctx.em, reconciliationDeps(ctx), requirePermission(ctx.user, 'payment.reconcile'), id, paymentId);
  }

  @Mutation(() => BankStatementLine, { description: 'FINANCE: not a customer payment (or dealt with otherwise); takes it off the list' })
  dismissStatementLine(@Arg('id', () => ID) id: string, @Arg('input') input: DismissStatementLineInput, @Ctx() ctx: Context) {
    return dismissStatementLine(ctx.em, requirePermission(ctx.user, 'payment.reconcile'), id, input.note);
  }

  @FieldResolver(() => [MatchSuggestion])
  suggestions(@Root() line: BankStatementLine, @Ctx() ctx: Context) {
    return suggestionsFor(ctx.em, line, ctx.app.config.STATEMENT_MATCH_WINDOW_DAYS);
  }

  @FieldResolver(() => Payment, { nullable: true })
  payment(@Root() line: BankStatementLine) {
    return line.payment?.loadOrFail({ dataloader: true }) ?? null;
  }
}
