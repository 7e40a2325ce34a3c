import { IsOptional } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requirePermission } from '../accounts/access';
import { MaxChars } from '../common/validators';
import type { Context } from '../graphql/context';
import { ListArgs, PageOf } from '../graphql/pagination';
import { TaxInvoice, TaxInvoiceKind, TaxInvoiceStatus } from './tax-invoice.entity';
import * as tax from './tax.service';

@ObjectType()
class TaxInvoicePage extends PageOf(TaxInvoice) {}

@InputType()
class TaxInvoiceFilter {
  @Field(() => String, { nullable: true, description: 'Tax period YYYY-MM' }) @IsOptional() @MaxChars(7) period?: string | null;
  @Field(() => [TaxInvoiceStatus], { nullable: true }) status?: TaxInvoiceStatus[] | null;
  @Field(() => TaxInvoiceKind, { nullable: true }) kind?: TaxInvoiceKind | null;
  @Field(() => ID, { nullable: true }) orderId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(100) q?: string | null;
}

@ObjectType({ description: 'One Coretax import file (at most 1,000 invoices)' })
class CoretaxFile {
  @Field() fileName: string;
  @Field(() => Int) count: number;
  @Field({ description: 'The XML (TaxInvoiceBulk) to upload to Coretax' }) xml: string;
}

@ObjectType({ description: 'What happened to one row of an imported list of Coretax numbers' })
class CoretaxImportRow {
  @Field(() => Int) line: number;
  @Field(() => String, { nullable: true }) reference: string | null;
  @Field({ description: 'NUMBERED, UNCHANGED or ERROR' }) outcome: string;
  @Field(() => String, { nullable: true, description: 'The column at fault: reference, number or columns' }) field: string | null;
  @Field(() => String, { nullable: true }) message: string | null;
}

@Resolver(() => TaxInvoice)
export class TaxInvoiceResolver {
  @Authorized()
  @Query(() => TaxInvoicePage, { description: 'FINANCE: tax invoices (Faktur Pajak) and return notes, by period and status.' })
  taxInvoices(@Args() args: ListArgs, @Arg('filter', () => TaxInvoiceFilter, { nullable: true }) filter: TaxInvoiceFilter | null, @Ctx() ctx: Context) {
    requirePermission(ctx.user, 'tax.manage');
    return tax.listTaxInvoices(ctx.em, filter ?? undefined, args);
  }

  @Authorized()
  @Mutation(() => [CoretaxFile], { description: 'FINANCE: the month’s invoices as Coretax XML import files (1,000 a file); drafts become EXPORTED.' })
  exportCoretaxXml(@Arg('period') period: string, @Arg('onlyNew', () => Boolean, { defaultValue: false }) onlyNew: boolean, @Ctx() ctx: Context) {
    const actor = requirePermission(ctx.user, 'tax.manage');
    return tax.exportCoretax(ctx.em, actor, ctx.app.clock, tax.sellerFrom(ctx.app.config), period, onlyNew);
  }

  @Authorized()
  @Mutation(() => [CoretaxImportRow], { description: 'FINANCE: writes the numbers Coretax assigned (CSV: reference, 17-digit number); errors per row.' })
  importCoretaxNumbers(@Arg('csv') csv: string, @Ctx() ctx: Context) {
    const actor = requirePermission(ctx.user, 'tax.manage');
    return tax.importCoretaxNumbers(ctx.em, actor, ctx.app.clock, csv);
  }
}
