import { IsOptional } from 'class-validator';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsEmailAddress, IsNIK, IsNITKU, IsNPWP, IsPassword, IsPhoneID, IsUsername, MaxChars, NotBlank } from '../common/validators';
import { Role } from './roles';
import { Locale, User } from './user.entity';

@InputType()
export class RegisterInput {
  @Field() @IsUsername() username: string;
  @Field() @IsEmailAddress() email: string;
  @Field() @IsPassword() password: string;
  @Field() @NotBlank() @MaxChars(120) fullName: string;
  @Field({ description: '08..., +62... or 62...; stored as E.164' }) @IsPhoneID() phone: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsNIK() nik?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(160) company?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(1000) address?: string | null;
}

@InputType()
export class LoginInput {
  @Field({ description: 'Username or email' }) @NotBlank() @MaxChars(254) login: string;
  @Field() @NotBlank() @MaxChars(200) password: string;
}

/** What a customer may change about themselves. */
@InputType()
export class ProfileInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmailAddress() email?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @NotBlank() @MaxChars(120) fullName?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsPhoneID() phone?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsNIK() nik?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(160) company?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(120) companyTitle?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(1000) companyAddress?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(1000) address?: string | null;
  @Field(() => String, { nullable: true, description: 'NPWP, 16 digits (for individuals the NIK); without it the customer gets receipts only' })
  @IsOptional() @IsNPWP() npwp?: string | null;
  @Field(() => String, { nullable: true, description: 'NITKU, 22 digits: companies (NPWP + place-of-business code)' })
  @IsOptional() @IsNITKU() nitku?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(2000) note?: string | null;
  @Field(() => Locale, { nullable: true }) @IsOptional() locale?: Locale;
  @Field(() => Boolean, { nullable: true }) @IsOptional() notifyByEmail?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() notifyByWhatsApp?: boolean;
}

/** What staff may change about any user; role and active are ADMIN's alone. */
@InputType()
export class UpdateUserInput extends ProfileInput {
  @Field(() => Role, { nullable: true }) @IsOptional() role?: Role;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean;
}

@InputType()
export class CreateStaffInput {
  @Field() @IsUsername() username: string;
  @Field() @IsEmailAddress() email: string;
  @Field() @IsPassword() password: string;
  @Field() @NotBlank() @MaxChars(120) fullName: string;
  @Field() @IsPhoneID() phone: string;
  @Field(() => Role) role: Role;
}

@InputType()
export class ChangePasswordInput {
  @Field() @NotBlank() @MaxChars(200) currentPassword: string;
  @Field() @IsPassword() newPassword: string;
}

@InputType()
export class UserFilter {
  @Field(() => Role, { nullable: true }) role?: Role;
  @Field(() => Boolean, { nullable: true, description: 'true: staff only; false: customers only' }) staff?: boolean;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
  @Field(() => String, { nullable: true, description: 'Matches username, email, full name or phone' }) @IsOptional() @MaxChars(100) q?: string;
  @Field(() => [String], { nullable: true }) ids?: string[];
}

@ObjectType()
export class AuthPayload {
  @Field() accessToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field() refreshToken: string;
  @Field() refreshTokenExpiresAt: Date;
  @Field(() => User) user: User;
}

export enum SecondStep {
  TOTP = 'TOTP',
  ENROL = 'ENROL',
}
registerEnumType(SecondStep, {
  name: 'SecondStep',
  description: 'TOTP: send a code from the authenticator (or a recovery code) to verifyTwoFactorLogin; ENROL: the role must use two-factor sign-in, set it up with the token first',
});

/** A session, or (two-factor accounts) the step still missing: then only secondStep and secondStepToken are set. */
@ObjectType()
export class LoginPayload {
  @Field(() => String, { nullable: true }) accessToken?: string;
  @Field(() => Date, { nullable: true }) accessTokenExpiresAt?: Date;
  @Field(() => String, { nullable: true }) refreshToken?: string;
  @Field(() => Date, { nullable: true }) refreshTokenExpiresAt?: Date;
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => SecondStep, { nullable: true }) secondStep?: SecondStep;
  @Field(() => String, { nullable: true, description: 'Valid 5 minutes, for the second step only' }) secondStepToken?: string;
}

@InputType()
export class TwoFactorLoginInput {
  @Field() @NotBlank() @MaxChars(2000) secondStepToken: string;
  @Field({ description: '6-digit code from the authenticator, or a recovery code (xxxxx-xxxxx)' }) @NotBlank() @MaxChars(20) code: string;
}

@InputType()
export class ConfirmTwoFactorInput {
  @Field() @NotBlank() @MaxChars(20) code: string;
  @Field(() => String, { nullable: true, description: 'The ENROL token from login, when not signed in' }) @IsOptional() @MaxChars(2000) secondStepToken?: string | null;
}

@ObjectType()
export class TwoFactorEnrolment {
  @Field({ description: 'Base32 secret, for typing into the app by hand' }) secret: string;
  @Field() otpauthUrl: string;
  @Field({ description: 'PNG data URL of the otpauth QR code' }) qrCodeDataUrl: string;
}

@ObjectType()
export class TwoFactorEnabled {
  @Field(() => [String], { description: 'Shown once; each works one time' }) recoveryCodes: string[];
  @Field(() => AuthPayload, { description: 'A new two-factor session: replace the tokens held so far' }) session: AuthPayload;
}

@InputType()
export class RequestPasswordResetInput {
  @Field() @IsEmailAddress() email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token from the e-mailed link' }) @NotBlank() @MaxChars(200) token: string;
  @Field() @IsPassword() newPassword: string;
}
