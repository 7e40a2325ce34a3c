import { IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IntRange, IsMoney, IsSlug, MaxChars, NotBlank } from '../common/validators';
import { RupiahScalar } from '../graphql/scalars';
import { DownPaymentType, LateFeeType, ProductCategory } from './enums';

@InputType()
export class ProductSpecsInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(120) cpu?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IntRange(1, 65_536) ramGb?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IntRange(1, 10_000_000) storageGb?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(40) storageType?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(80) bandwidth?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IntRange(1, 48) rackUnits?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IntRange(1, 100_000) powerWatts?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IntRange(0, 256) ipv4Count?: number | null;
}

@InputType()
export class CreateProductInput {
  @Field(() => ProductCategory) category: ProductCategory;
  @Field() @NotBlank() @MaxChars(120) name: string;
  @Field() @IsSlug() slug: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(5000) description?: string | null;
  @Field(() => ProductSpecsInput) @ValidateNested() specs: ProductSpecsInput;
  @Field(() => RupiahScalar) @IsMoney({ positive: true }) cashPrice: bigint;
  @Field(() => RupiahScalar, { nullable: true }) @IsOptional() @IsMoney() setupFee?: bigint | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the prices include PPN (default true)' }) @IsOptional() pricesIncludeVat?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
}

@InputType()
export class UpdateProductInput {
  @Field(() => ProductCategory, { nullable: true }) @IsOptional() category?: ProductCategory | null;
  @Field(() => String, { nullable: true }) @IsOptional() @NotBlank() @MaxChars(120) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsSlug() slug?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(5000) description?: string | null;
  @Field(() => ProductSpecsInput, { nullable: true }) @IsOptional() @ValidateNested() specs?: ProductSpecsInput | null;
  @Field(() => RupiahScalar, { nullable: true }) @IsOptional() @IsMoney({ positive: true }) cashPrice?: bigint | null;
  @Field(() => RupiahScalar, { nullable: true }) @IsOptional() @IsMoney() setupFee?: bigint | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the prices include PPN (default true)' }) @IsOptional() pricesIncludeVat?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
}

@InputType()
export class ProductFilter {
  @Field(() => ProductCategory, { nullable: true }) category?: ProductCategory;
  @Field(() => Boolean, { nullable: true, description: 'Staff only; the public sees active products' }) active?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(100) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
}

/** Shared by create and update: every field of a plan's terms, optional on update. */
@InputType()
export class PlanTermsInput {
  @Field(() => String, { nullable: true }) @IsOptional() @NotBlank() @MaxChars(120) name?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IntRange(1, 60) tenorMonths?: number | null;
  @Field(() => DownPaymentType, { nullable: true }) @IsOptional() downPaymentType?: DownPaymentType | null;
  @Field(() => RupiahScalar, { nullable: true, description: 'Basis points when PERCENT (0-9000), rupiah when FIXED' })
  @IsOptional() @IsMoney() downPaymentValue?: bigint | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IntRange(0, 1_000) marginBpsPerMonth?: number | null;
  @Field(() => RupiahScalar, { nullable: true }) @IsOptional() @IsMoney() adminFee?: bigint | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IntRange(0, 90) lateFeeGraceDays?: number | null;
  @Field(() => LateFeeType, { nullable: true }) @IsOptional() lateFeeType?: LateFeeType | null;
  @Field(() => RupiahScalar, { nullable: true, description: 'Rupiah a day, or basis points a day (0-1000) when PERCENT_PER_DAY' })
  @IsOptional() @IsMoney() lateFeeValue?: bigint | null;
  @Field(() => RupiahScalar, { nullable: true }) @IsOptional() @IsMoney() lateFeeCap?: bigint | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IntRange(1, 365) autoSuspendAfterDays?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
}

@InputType()
export class CreatePlanInput extends PlanTermsInput {
  @Field(() => ID) productId: string;
  @Field() @NotBlank() @MaxChars(120) override name: string;
  @Field(() => Int) @IntRange(1, 60) override tenorMonths: number;
  @Field(() => DownPaymentType) override downPaymentType: DownPaymentType;
  @Field(() => RupiahScalar) @IsMoney() override downPaymentValue: bigint;
}

@InputType()
export class PlanFilter {
  @Field(() => ID, { nullable: true }) productId?: string;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
  @Field(() => [ID], { nullable: true }) ids?: string[];
}
