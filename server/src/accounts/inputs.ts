import { IsOptional } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { IsEmailAddress, IsNIK, IsPassword, IsPhoneID, IsUsername, MaxChars, NotBlank } from '../common/validators';
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
